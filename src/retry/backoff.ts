/**
 * Exponential backoff with full jitter (as the AWS SDKs do): a random delay between 0 and
 * `min(maxDelayMs, minDelayMs * 2^(retry-1))`, never below `minDelayMs`.
 *
 * @param retry 1 for the first retry.
 * @param random a number in [0, 1), injectable.
 */
export function backoffDelay(
  retry: number,
  minDelayMs: number,
  maxDelayMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.max(minDelayMs, Math.floor(random() * ceiling));
}
