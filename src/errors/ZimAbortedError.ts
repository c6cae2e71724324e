import { ZimError } from './ZimError.js';

/**
 * The call's `signal` aborted it (or the client was closed: `ZimClosedError` is one of these). Its
 * `cause` is the signal's reason (a `TimeoutError` of `AbortSignal.timeout()`, an `AbortError`,
 * or your own), and `mayHaveCommitted` says whether it was sent: false while it waited for a slot
 * or between attempts (nothing of it is at the server beyond the attempts it was answered for),
 * true when an attempt was in flight (the server may have acted on it: reconcile).
 * Thrown by `client.call`, `zim.batch` and `zim.paginate`; `resilientFetch` and `zimInterceptor`
 * reject with the signal's reason itself, as `fetch` does.
 *
 * @public
 */
export class ZimAbortedError extends ZimError {
  /**
   * True when an attempt was in flight at the abort: the request may have been written and the
   * server may have acted on it (a SendPeerMessage may have been sent).
   */
  readonly mayHaveCommitted: boolean;

  constructor(
    init: { action?: string | undefined; attempts?: number; mayHaveCommitted?: boolean; cause?: unknown },
    message?: string,
  ) {
    const attempts = init.attempts ?? 0;
    const mayHaveCommitted = init.mayHaveCommitted ?? false;
    super(message ?? ZimAbortedError.#describe(init.action, attempts, mayHaveCommitted), {
      action: init.action,
      attempts,
      cause: init.cause,
    });
    this.mayHaveCommitted = mayHaveCommitted;
  }

  static #describe(action: string | undefined, attempts: number, mayHaveCommitted: boolean): string {
    const what = action ?? 'the call';
    if (mayHaveCommitted)
      return `${what} was aborted while attempt ${attempts} was in flight; the server may have acted on it`;
    if (attempts > 0)
      return `${what} was aborted after ${attempts} attempt${attempts === 1 ? '' : 's'} (none in flight)`;
    return `${what} was aborted before it was sent; nothing was sent`;
  }

  override get name(): string {
    return 'ZimAbortedError';
  }
}
