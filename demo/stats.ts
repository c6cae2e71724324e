/** The nearest-rank percentile of `values` (`p` in 0..100), or NaN when there is none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * The rate the server saw while the action was busy, in calls per second: the mean arrivals per
 * whole second (counted from the first arrival) over the seconds that had calls queuing for the
 * limit all through, that is: a queued call was sent in that second and in the next. The first
 * second (its burst) is left out. `undefined` when there was none: the workload never kept the
 * action busy for long.
 */
export function busyRate(timestamps: readonly number[], throttledAt: readonly number[]): number | undefined {
  const t0 = timestamps[0];
  if (t0 === undefined) return undefined;
  const queued = new Set(throttledAt.map((t) => Math.floor((t - t0) / 1000)));
  const busy = [...queued].filter((s) => s > 0 && queued.has(s + 1));
  if (busy.length === 0) return undefined;
  const bins = perSecond(timestamps, t0, Math.max(...busy) + 1);
  return busy.reduce((sum, s) => sum + (bins[s] ?? 0), 0) / busy.length;
}

/** Arrivals per whole second since `t0`, one bin per second up to `seconds`. */
export function perSecond(timestamps: readonly number[], t0: number, seconds: number): number[] {
  const bins = new Array<number>(seconds).fill(0);
  for (const t of timestamps) {
    const i = Math.floor((t - t0) / 1000);
    if (i >= 0 && i < seconds) bins[i]!++;
  }
  return bins;
}

/** `1234` as `1.2 s`, `87` as `87 ms`. */
export function ms(value: number): string {
  if (Number.isNaN(value)) return '-';
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}
