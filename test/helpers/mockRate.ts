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

/**
 * Arrivals per second in `[from, to)` (ms, the server's clock), over the whole span: the rate the
 * server saw then, provided calls were still queued at `to` (check the last arrival).
 */
export function rateIn(stats: MockActionStats, from: number, to: number): number {
  return (stats.timestamps.filter((t) => t >= from && t < to).length / (to - from)) * 1000;
}
