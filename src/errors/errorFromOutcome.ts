import { describeTransportError } from '../codes/describeTransportError.js';
import type { ZimCall } from '../core/Call.js';
import type { Outcome } from '../core/Outcome.js';
import { giveUpWording } from './giveUpWording.js';
import { ZimApiError } from './ZimApiError.js';
import type { ZimError } from './ZimError.js';
import { ZimHttpError } from './ZimHttpError.js';
import { ZimTransportError } from './ZimTransportError.js';

/** How much of a 2xx body that is not ZIM JSON a `ZimHttpError` shows. */
const BODY_PREVIEW = 200;

/**
 * The typed error for a call given up on (an outcome other than success), worded with why it was given up.
 * @internal
 */
export function errorFromOutcome(outcome: Outcome, call: ZimCall): ZimError {
  const { action } = call;
  const attempts = call.state.attempts;
  const reason = giveUpWording(outcome);
  if (outcome.body && outcome.code !== undefined && outcome.code !== 0) {
    return new ZimApiError({
      code: outcome.code,
      category: outcome.category,
      action,
      attempts,
      requestId: typeof outcome.body.RequestId === 'string' ? outcome.body.RequestId : undefined,
      serverMessage: typeof outcome.body.Message === 'string' ? outcome.body.Message : undefined,
      reason,
    });
  }
  if (outcome.response) {
    const { status, truncated } = outcome.response;
    const unreadable = status < 300 && !truncated;
    const detail = status < 300 ? (truncated ? 'body too large' : 'body is not ZIM JSON') : undefined;
    const mayHaveCommitted = outcome.mayHaveCommitted === true;
    const notResent = unreadable && mayHaveCommitted && outcome.category === 'fatal' && !call.idempotent;
    return new ZimHttpError({
      status,
      category: outcome.category,
      action,
      attempts,
      ...(detail && { detail }),
      reason: notResent
        ? 'not retried: the server may have acted on it, and the action is not idempotent'
        : reason,
      mayHaveCommitted,
      ...(unreadable && { bodyPreview: outcome.response.text.slice(0, BODY_PREVIEW) }),
    });
  }
  const mayHaveCommitted = outcome.mayHaveCommitted ?? true;
  return new ZimTransportError({
    action,
    attempts,
    mayHaveCommitted,
    cause: outcome.error,
    reason: outcome.category === 'fatal' ? notRetried(outcome, mayHaveCommitted, call) : reason,
  });
}

/** Why a transport error was fatal: no retry can help, or the call may have been committed. */
function notRetried(outcome: Outcome, mayHaveCommitted: boolean, call: ZimCall): string | undefined {
  if (describeTransportError(outcome.error).fatal) return 'not retried: a retry would meet the same failure';
  if (mayHaveCommitted && !call.idempotent) return 'not retried: the action is not idempotent';
  return giveUpWording(outcome);
}
