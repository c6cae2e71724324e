import { ZimError } from './ZimError.js';

/** No answer came: the connection failed, was reset or timed out. */
export class ZimTransportError extends ZimError {
  /**
   * True when the request had been written before the failure: the server may have acted on it
   * (a second SendPeerMessage is a second message), so a non-idempotent call was not retried.
   */
  readonly mayHaveCommitted: boolean;

  constructor(init: { action: string; attempts: number; mayHaveCommitted: boolean; cause: unknown }) {
    const why = init.mayHaveCommitted
      ? '; the request was written, so the call may have been committed (not retried: the action is not idempotent)'
      : '';
    super(
      `${init.action} failed: no answer from the server after ${init.attempts} attempt${init.attempts === 1 ? '' : 's'}${why}`,
      init,
    );
    this.mayHaveCommitted = init.mayHaveCommitted;
  }

  override get name(): string {
    return 'ZimTransportError';
  }
}
