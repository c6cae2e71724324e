import type { GiveUpReason } from '../../core/GiveUpReason.js';

/**
 * What retry makes of one outcome: it is final as it is (`done`: success, fatal, or given up by
 * a remedy inside), send again after `delayMs` (`resign`: at once, re-signed, not counted as a
 * retry), or give up because `reason`.
 * @internal
 */
export type Decision =
  | { readonly kind: 'done' }
  | { readonly kind: 'retry'; readonly delayMs: number; readonly resign: boolean }
  | { readonly kind: 'give-up'; readonly reason: GiveUpReason };
