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
 * The rate (per second) of the arrivals at or after `from` (ms, the server's clock). A limiter's
 * arrivals come in bursts (slots free together), so a count over a fixed span swings by a burst
 * with their phase. So: the slope of the least-squares line through (arrival time, arrival count),
 * from the first burst that starts after `from` (after a gap of 100 ms or more) to the start of
 * the last one, partial bursts at both ends left out.
 */
export function steadyRateFrom(stats: MockActionStats, from: number): number {
  const all = stats.timestamps.filter((x) => x >= from);
  const starts = all.flatMap((x, i) => (i > 0 && x - all[i - 1]! >= 100 ? [i] : []));
  const t = starts.length >= 2 ? all.slice(starts[0], starts.at(-1)) : all;
  if (t.length < 2) return Number.NaN;
  const meanT = t.reduce((a, b) => a + b, 0) / t.length;
  const meanI = (t.length - 1) / 2;
  let cov = 0;
  let varT = 0;
  t.forEach((x, i) => {
    cov += (x - meanT) * (i - meanI);
    varT += (x - meanT) ** 2;
  });
  return (cov / varT) * 1000;
}
