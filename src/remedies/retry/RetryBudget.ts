/**
 * A token bucket over retries, as gRPC keeps it: each retryable failure takes a token, each
 * success gives back `tokenRatio`; retries are allowed only while more than half the tokens
 * are left. So a server that fails every call is sent about one attempt per call, not
 * `maxAttempts` of them, while occasional failures are retried freely.
 * @internal
 */
export class RetryBudget {
  readonly maxTokens: number;
  readonly tokenRatio: number;
  #tokens: number;

  constructor(maxTokens: number, tokenRatio: number) {
    this.maxTokens = maxTokens;
    this.tokenRatio = tokenRatio;
    this.#tokens = maxTokens;
  }

  get tokens(): number {
    return this.#tokens;
  }

  /** Records a retryable failure; returns whether a retry is allowed. */
  onFailure(): boolean {
    this.#tokens = Math.max(0, this.#tokens - 1);
    return this.#tokens > this.maxTokens / 2;
  }

  /** Records a success. */
  onSuccess(): void {
    this.#tokens = Math.min(this.maxTokens, this.#tokens + this.tokenRatio);
  }
}
