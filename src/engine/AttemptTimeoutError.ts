/**
 * The attempt took longer than `retry.attemptTimeoutMs`. Classified as a transport error after
 * writing (`ZIM_ATTEMPT_TIMEOUT`), unless the door knows the dispatcher never started the request
 * (`ZIM_ATTEMPT_UNSENT`: no connection in time, such as a proxy that never answers its CONNECT):
 * then nothing was sent.
 * @internal
 */
export class AttemptTimeoutError extends Error {
  readonly code: 'ZIM_ATTEMPT_TIMEOUT' | 'ZIM_ATTEMPT_UNSENT';
  constructor(
    readonly ms: number,
    sent = true,
  ) {
    super(
      sent
        ? `no whole answer within the attempt timeout of ${ms} ms`
        : `no connection within the attempt timeout of ${ms} ms (a proxy that does not answer its CONNECT, or a server that does not accept)`,
    );
    this.name = 'AttemptTimeoutError';
    this.code = sent ? 'ZIM_ATTEMPT_TIMEOUT' : 'ZIM_ATTEMPT_UNSENT';
  }
  /** The same timeout, of an attempt the dispatcher never started. */
  unsent(): AttemptTimeoutError {
    return new AttemptTimeoutError(this.ms, false);
  }
}
