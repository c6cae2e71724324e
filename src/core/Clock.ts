/**
 * Time, injectable so that tests can use fake timers or a scripted clock. Two scales: `now()`
 * is monotonic (every wait, window and deadline is measured on it, so a step of the wall clock
 * never stalls or releases anything), `wallNow()` is the calendar (signature timestamps, HTTP
 * dates).
 * @public
 */
export interface Clock {
  /** Milliseconds on a monotonic scale: only differences matter. */
  now(): number;
  /**
   * Milliseconds since the epoch, for signature timestamps and `Date` / `Retry-After` headers only.
   * @default `now()` for a clock of your own (so a scripted clock is one scale); `Date.now()` for the system clock
   */
  wallNow?(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The real clock: `performance.now()` for `now`, `Date.now()` for `wallNow`. Globals are looked
 * up at each call, so `vi.useFakeTimers()` (which fakes both) applies to it.
 * @public
 */
export const systemClock: Clock = Object.freeze({
  now: () => performance.now(),
  wallNow: () => Date.now(),
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

/**
 * The calendar time of `clock`, in milliseconds since the epoch (see `Clock.wallNow`).
 * @internal
 */
export function wallNow(clock: Clock): number {
  return clock.wallNow ? clock.wallNow() : clock.now();
}
