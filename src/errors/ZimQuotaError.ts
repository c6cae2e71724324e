import { ZimError } from './ZimError.js';

/**
 * The action's quota (SendMessageToAllUsers: 100 per 24 h) is spent.
 *
 * @public
 */
export class ZimQuotaError extends ZimError {
  /** Milliseconds until one more call fits the quota (for a quota spent elsewhere: until the next call finds out). */
  readonly retryAfterMs: number;
  /** The ZIM code the server refused the call with, when it was the server that said the quota is spent. */
  readonly code: number | undefined;

  constructor(init: {
    action: string;
    quota: number;
    retryAfterMs: number;
    /** The server refused it with this code, although this client kept to the per-second limit. */
    refusedWith?: number | undefined;
    attempts?: number;
  }) {
    const seconds = Math.ceil(init.retryAfterMs / 1000);
    super(
      init.refusedWith === undefined
        ? `${init.action} quota of ${init.quota} calls per 24 h is spent; the next call fits in ${seconds} s. Nothing was sent`
        : `${init.action} was refused with ZIM code ${init.refusedWith} although it went out alone in its second: its daily quota is spent elsewhere. Nothing more is sent for ${seconds} s`,
      { action: init.action, attempts: init.attempts ?? 0 },
    );
    this.retryAfterMs = init.retryAfterMs;
    this.code = init.refusedWith;
  }

  override get name(): string {
    return 'ZimQuotaError';
  }
}
