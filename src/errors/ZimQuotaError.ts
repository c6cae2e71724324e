import { ZimError } from './ZimError.js';

/** The action's quota (SendMessageToAllUsers: 100 per 24 h) is spent; nothing was sent. */
export class ZimQuotaError extends ZimError {
  /** Milliseconds until one more call fits the quota. */
  readonly retryAfterMs: number;

  constructor(init: { action: string; quota: number; retryAfterMs: number }) {
    super(
      `${init.action} quota of ${init.quota} calls per 24 h is spent; the next call fits in ${Math.ceil(init.retryAfterMs / 1000)} s. Nothing was sent`,
      { action: init.action },
    );
    this.retryAfterMs = init.retryAfterMs;
  }

  override get name(): string {
    return 'ZimQuotaError';
  }
}
