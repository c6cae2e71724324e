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
}
