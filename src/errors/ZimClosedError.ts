import { ZimError } from './ZimError.js';

/**
 * The client was closed while the call was queued, waiting or in flight.
 *
 * @public
 */
export class ZimClosedError extends ZimError {
  /**
   * True when an attempt was in flight at the close: the request may have been written and the
   * server may have acted on it (a SendPeerMessage may have been sent).
   */
  readonly mayHaveCommitted: boolean;

  constructor(action?: string, init: { attempts?: number; mayHaveCommitted?: boolean } = {}) {
    const attempts = init.attempts ?? 0;
    const mayHaveCommitted = init.mayHaveCommitted ?? false;
    const detail = mayHaveCommitted
      ? ` while attempt ${attempts} was in flight; the server may have acted on it`
      : attempts > 0
        ? ` after ${attempts} attempt${attempts === 1 ? '' : 's'}`
        : '; nothing was sent';
    super(action ? `${action} was not completed: the client was closed${detail}` : 'the client was closed', {
      action,
      attempts,
    });
    this.mayHaveCommitted = mayHaveCommitted;
  }

  override get name(): string {
    return 'ZimClosedError';
  }
}
