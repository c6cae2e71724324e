import type { MockActionStats } from '../../src/mock/index.js';

/**
 * The steady rate the server saw, in calls per second: arrivals after the first window's burst,
 * over the time from the first arrival to the last. Never flatters a bursty limiter.
 */
export function achievedRate(stats: MockActionStats, perSecond: number): number {
  const t = stats.timestamps;
  if (t.length <= perSecond) return Number.NaN;
  return ((t.length - perSecond) / (t.at(-1)! - t[0]!)) * 1000;
}
