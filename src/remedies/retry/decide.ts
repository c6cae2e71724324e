import type { Outcome } from '../../core/Outcome.js';
import { backoffDelay } from './backoff.js';
import type { Decision } from './Decision.js';

/**
 * The retry options `decide` reads.
 * @internal
 */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

/**
 * Where a call stands, for `decide`: retries made so far (re-signs not counted), re-signs made,
 * and a number in [0, 1) for the jitter of the next backoff.
 * @internal
 */
export interface RetryAttempt {
  readonly retries: number;
  readonly resigns: number;
  readonly jitter: number;
}

const DONE: Decision = Object.freeze({ kind: 'done' });
const RESIGN: Decision = Object.freeze({ kind: 'retry', delayMs: 0, resign: true });
const giveUp = (reason: 'max-attempts' | 'deadline' | 'budget' | 're-signed'): Decision => ({
  kind: 'give-up',
  reason,
});

/**
 * Retry's whole decision, pure (no clock, no timer, no state): given an outcome, where the call
 * stands, whether the retry budget allows one more (`undefined`: no budget), and the deadline's
 * milliseconds left (`undefined`: none), retry after N ms or give up because R.
 *
 * - success, fatal, or an outcome a remedy inside already gave up (`giveUp`): done;
 * - auth: one immediate re-signed attempt, then `re-signed`;
 * - retryable (and rate-limited, which reaches retry only without a throttle): `max-attempts`
 *   once `maxAttempts` attempts are spent, `budget` when the budget says no, else the delay (the
 *   server's Retry-After capped by `maxRetryAfterMs`, else full-jitter backoff), or `deadline`
 *   when that delay reaches the deadline (no attempt starts after it).
 * @internal
 */
export function decide(
  policy: RetryPolicy,
  outcome: Outcome,
  attempt: RetryAttempt,
  budget: boolean | undefined,
  deadlineMs: number | undefined,
): Decision {
  const { category } = outcome;
  if (category === 'success' || category === 'fatal' || outcome.giveUp !== undefined) return DONE;
  if (category === 'auth') return attempt.resigns >= 1 ? giveUp('re-signed') : RESIGN;
  if (attempt.retries + 1 >= policy.maxAttempts) return giveUp('max-attempts');
  if (budget === false) return giveUp('budget');
  const delayMs =
    outcome.retryAfterMs !== undefined
      ? Math.min(outcome.retryAfterMs, policy.maxRetryAfterMs)
      : backoffDelay(attempt.retries + 1, policy.minDelayMs, policy.maxDelayMs, () => attempt.jitter);
  if (deadlineMs !== undefined && delayMs >= deadlineMs) return giveUp('deadline');
  return { kind: 'retry', delayMs, resign: false };
}
