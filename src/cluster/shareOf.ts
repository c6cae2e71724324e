import type { Window } from '../limits/SlidingWindowLimiter.js';

/**
 * The window a process keeps to alone, at `share` of `window`: the whole units of its share per
 * window (rounded down, so the shares of the fleet never add up past the limit), or, below one
 * unit, one unit per as many windows as it takes.
 */
export function shareOf(window: Window, share: number): Window {
  const units = window.capacity * share;
  if (units >= 1) return { capacity: Math.floor(units + 1e-9), ms: window.ms };
  return { capacity: 1, ms: Math.ceil(window.ms / units) };
}
