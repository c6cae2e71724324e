import type { ResolvedLimit } from '../../limits/LimitSpec.js';

/**
 * What a limiter slot is asked for with.
 * @internal
 */
export interface SlotRequest {
  readonly action: string;
  readonly limit: ResolvedLimit;
  readonly scopeKey: string | undefined;
  readonly weight: number;
  readonly signal: AbortSignal | undefined;
  /** Higher is served first. */
  readonly priority: number;
  /** A bound on the wait (the first slot only; `Infinity` or undefined: none). */
  readonly maxWaitMs?: number | undefined;
  /** The call whose wait it is, named in its `throttle` event (none for a first slot: its `start` tells that wait). */
  readonly call?: object | undefined;
}
