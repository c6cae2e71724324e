import { describeTransportError, type TransportFailure } from '../codes/describeTransportError.js';
import { ZimError } from './ZimError.js';

/**
 * No answer came: the connection could not be made (DNS, refused, a TLS certificate not trusted)
 * or failed, was reset or timed out. The message names the cause and, when there is one, the fix.
 *
 * @public
 */
export class ZimTransportError extends ZimError {
  /**
   * True when the request had been written before the failure, or nothing says it had not: the
   * server may have acted on it (a second SendPeerMessage is a second message).
   */
  readonly mayHaveCommitted: boolean;
  /** The cause told: its kind, code, whether the request was written, whether a retry can help, a summary and a hint. */
  readonly failure: TransportFailure;

  constructor(init: {
    action: string;
    attempts: number;
    mayHaveCommitted: boolean;
    cause: unknown;
    /** Why it was given up (retries spent, deadline, budget, not idempotent). */
    reason?: string | undefined;
  }) {
    const failure = describeTransportError(init.cause);
    const written = !init.mayHaveCommitted
      ? 'nothing was sent'
      : failure.written === 'yes'
        ? 'the request was written, so the call may have been committed'
        : 'the request may have been written, so the call may have been committed';
    const n = init.attempts;
    super(
      `${init.action} failed after ${n} attempt${n === 1 ? '' : 's'}: ${failure.summary}; ${written}${init.reason ? ` (${init.reason})` : ''}${failure.hint ? `. To fix: ${failure.hint}` : ''}`,
      init,
    );
    this.mayHaveCommitted = init.mayHaveCommitted;
    this.failure = failure;
  }

  override get name(): string {
    return 'ZimTransportError';
  }
}
