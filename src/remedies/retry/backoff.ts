/**
 * Exponential backoff with full jitter, as the AWS SDKs do it: a random delay in
 * `[0, min(maxDelayMs, minDelayMs * 2^(retry-1)))`, with no floor, so calls that failed together
 * retry spread over the whole window instead of all at `minDelayMs`.
 *
 * @param retry 1 for the first retry.
 * @param minDelayMs the ceiling of the first retry's delay, doubled for each retry after it.
 * @param random a number in [0, 1), injectable.
 * @internal
 */
export function backoffDelay(
  retry: number,
  minDelayMs: number,
  maxDelayMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
