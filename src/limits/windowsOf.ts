import type { ResolvedLimit } from './LimitSpec.js';
import type { Window } from './SlidingWindowLimiter.js';

/**
 * The sliding windows that enforce a limit: `perSecond` per 1000 ms (one call per `1000 / perSecond`
 * ms when fewer than one per second, or not a whole number), plus `burst` per its share of the second.
 */
export function windowsOf(limit: ResolvedLimit): Window[] {
  const whole = Number.isInteger(limit.perSecond) && limit.perSecond >= 1;
  const main: Window = whole
    ? { capacity: limit.perSecond, ms: 1000 }
    : { capacity: 1, ms: Math.ceil(1000 / limit.perSecond) };
  if (!whole || limit.burst >= limit.perSecond) return [main];
  return [main, { capacity: limit.burst, ms: Math.ceil((limit.burst / limit.perSecond) * 1000) }];
}
