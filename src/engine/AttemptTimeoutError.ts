/**
 * The attempt took longer than `retry.attemptTimeoutMs`. Classified as a transport error after writing.
 * @internal
 */
export class AttemptTimeoutError extends Error {
  readonly code = 'ZIM_ATTEMPT_TIMEOUT';
  constructor(ms: number) {
    super(`no whole answer within the attempt timeout of ${ms} ms`);
    this.name = 'AttemptTimeoutError';
  }
}
