/**
 * The steady rate the server saw, in calls per second: arrivals after the first window's
 * `perSecond` burst, over the time from the first arrival to the last (as test/helpers/mockRate.ts).
 */
export function achievedRate(timestamps: readonly number[], perSecond: number): number {
  if (timestamps.length <= perSecond) return Number.NaN;
  return ((timestamps.length - perSecond) / (timestamps.at(-1)! - timestamps[0]!)) * 1000;
}
