import { ZimAbortedError } from './ZimAbortedError.js';

/**
 * The client was closed while the call was queued, waiting or in flight: a `ZimAbortedError`
 * (`mayHaveCommitted` says whether an attempt was in flight).
 *
 * @public
 */
export class ZimClosedError extends ZimAbortedError {
  constructor(action?: string, init: { attempts?: number; mayHaveCommitted?: boolean } = {}) {
    const attempts = init.attempts ?? 0;
    const mayHaveCommitted = init.mayHaveCommitted ?? false;
    const detail = mayHaveCommitted
      ? ` while attempt ${attempts} was in flight; the server may have acted on it`
      : attempts > 0
        ? ` after ${attempts} attempt${attempts === 1 ? '' : 's'}`
        : '; nothing was sent';
    super(
      { action, attempts, mayHaveCommitted },
      action ? `${action} was not completed: the client was closed${detail}` : 'the client was closed',
    );
  }

  override get name(): string {
    return 'ZimClosedError';
  }
}
