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
 * The rate (per second) of the arrivals at or after `from` (ms, the server's clock), over whole
 * bursts: a limiter's arrivals come in bursts (slots free together), and a count over a fixed
 * span swings by a whole burst with their phase. So: the arrivals from the first burst that
 * starts after `from` (after a gap of 100 ms or more) to the start of the last one, over that
 * time; (n - 1) over the span when there are no such gaps.
 */
export function steadyRateFrom(stats: MockActionStats, from: number): number {
  const t = stats.timestamps.filter((x) => x >= from);
  if (t.length < 2) return Number.NaN;
  const starts = t.flatMap((x, i) => (i > 0 && x - t[i - 1]! >= 100 ? [i] : []));
  if (starts.length < 2) return ((t.length - 1) / (t.at(-1)! - t[0]!)) * 1000;
  const first = starts[0]!;
  const last = starts.at(-1)!;
  return ((last - first) / (t[last]! - t[first]!)) * 1000;
}
