import type { Clock } from './Clock.js';

/**
 * Runs `fn` once `clock.now()` has passed `ms` from now, and not before: Node timers can fire a
 * little early against the clock (their base is the loop's cached millisecond), so it re-arms if so.
 * Returns a function that cancels it.
 * @internal
 */
export function afterAtLeast(clock: Clock, ms: number, fn: () => void): () => void {
  const at = clock.now() + ms;
  let handle: unknown;
  const arm = () => {
    handle = clock.setTimeout(
      () => {
        if (clock.now() < at) arm();
        else fn();
      },
      Math.max(0, at - clock.now()),
    );
  };
  arm();
  return () => clock.clearTimeout(handle);
}
