/** After the learned rate was lowered, how long it holds before it probes up (from the end of any pause). */
export const ADAPT_HOLD_MS = 5000;

/**
 * The learned rate `windows` whole windows after its hold ended (the first probe is window 0):
 * one more, then two, four, eight... (`base + 2^(windows+1) - 1`), so that a rate that holds
 * probes one unit above it at most once per hold, and a limit that came back is reached within a
 * few windows. `Infinity` once it reaches `capacity`.
 */
export function raisedRate(base: number, windows: number, capacity: number): number {
  if (windows < 0) return base;
  const rate = base + 2 ** Math.min(windows + 1, 30) - 1;
  return rate >= capacity ? Number.POSITIVE_INFINITY : rate;
}

/**
 * The learned rate after the `refusals`-th rate-limited answer of one window: down to what the
 * server took of the `held` units this client sent in that window (`held - refusals`), but at
 * most halved from the rate `before` the window's first refusal (multiplicative decrease), and at
 * least 1.
 */
export function loweredRate(before: number, held: number, refusals: number): number {
  return Math.max(1, Math.min(before - 1, Math.max(held - refusals, Math.floor(before / 2))));
}
