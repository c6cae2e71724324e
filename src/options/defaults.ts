/** Every default, in one place: the README's option tables are generated from this object. */
export const DEFAULTS = Object.freeze({
  region: 'unified',
  baseUrl: 'https://zim-api.zego.im',
  maxRequeues: 10,
  maxQueueWaitMs: Number.POSITIVE_INFINITY,
  maxBodyBytes: 1024 * 1024,
  warnPassthrough: true,
  retry: Object.freeze({
    maxAttempts: 5,
    minDelayMs: 100,
    maxDelayMs: 5000,
    deadlineMs: 30_000,
    attemptTimeoutMs: 10_000,
    maxRetryAfterMs: 30_000,
    budget: Object.freeze({ maxTokens: 100, tokenRatio: 0.5 }),
  }),
});
