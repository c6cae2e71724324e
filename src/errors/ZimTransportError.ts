import { ZimError } from './ZimError.js';

/** No answer came: the connection failed, was reset or timed out. */
export class ZimTransportError extends ZimError {
  /**
   * True when the request had been written before the failure: the server may have acted on it
   * (a second SendPeerMessage is a second message).
   */
  readonly mayHaveCommitted: boolean;

  constructor(init: {
    action: string;
    attempts: number;
    mayHaveCommitted: boolean;
    cause: unknown;
    /** Why it was given up (retries spent, deadline, budget, not idempotent). */
    reason?: string | undefined;
  }) {
    const written = init.mayHaveCommitted
      ? '; the request was written, so the call may have been committed'
      : '';
    super(
      `${init.action} failed: no answer from the server after ${init.attempts} attempt${init.attempts === 1 ? '' : 's'}${written}${init.reason ? ` (${init.reason})` : ''}`,
      init,
    );
    this.mayHaveCommitted = init.mayHaveCommitted;
  }

  override get name(): string {
    return 'ZimTransportError';
  }
}
