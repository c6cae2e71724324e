/**
 * The largest number of units in any sliding window of `windowMs` (arrivals in
 * `(t - windowMs, t]`, as `SlidingWindow` counts them), computed exactly from arrival
 * times. `units[i]` weighs `timestamps[i]` (default 1 each). The input need not be sorted.
 *
 * @public
 */
export function maxInAnyWindow(
  timestamps: readonly number[],
  windowMs = 1000,
  units?: readonly number[],
): number {
  const order = timestamps.map((t, i) => ({ t, u: units?.[i] ?? 1 })).sort((a, b) => a.t - b.t);
  let max = 0;
  let sum = 0;
  let start = 0;
  for (const entry of order) {
    sum += entry.u;
    while (order[start]!.t <= entry.t - windowMs) {
      sum -= order[start]!.u;
      start++;
    }
    if (sum > max) max = sum;
  }
  return max;
}
