import type { FirstSlot } from '../../core/Call.js';
import type { Permit } from '../../limits/Limiter.js';

/**
 * The first slot of a call, granted before the call entered the chain (the engine's fast path):
 * the throttle takes it once, for the first attempt; the engine releases it if the call never
 * reached the throttle (a step of the user's own answered first).
 * @internal
 */
export class Prepaid implements FirstSlot {
  #permit: Permit | undefined;
  constructor(permit: Permit) {
    this.#permit = permit;
  }
  take(): Permit | undefined {
    const permit = this.#permit;
    this.#permit = undefined;
    return permit;
  }
  /** Releases the permit if nobody took it. */
  release(): void {
    this.take()?.release();
  }
}
