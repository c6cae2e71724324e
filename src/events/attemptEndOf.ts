import type { ZimCall } from '../core/Call.js';
import type { Outcome } from '../core/Outcome.js';
import { reasonOf } from '../core/reasonOf.js';
import type { AttemptEndEvent } from './ZimEvents.js';

/** The `attemptEnd` event of a classified attempt. */
export function attemptEndOf(call: ZimCall, outcome: Outcome): AttemptEndEvent {
  return {
    action: call.action,
    attempt: call.state.attempts,
    category: outcome.category,
    status: outcome.response?.status,
    code: outcome.code,
    reason: outcome.category === 'success' ? undefined : reasonOf(outcome),
  };
}
