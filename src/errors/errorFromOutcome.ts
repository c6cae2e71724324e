import type { ZimCall } from '../core/Call.js';
import type { Outcome } from '../core/Outcome.js';
import { ZimApiError } from './ZimApiError.js';
import type { ZimError } from './ZimError.js';
import { ZimHttpError } from './ZimHttpError.js';
import { ZimTransportError } from './ZimTransportError.js';

/** The typed error for a call given up on (an outcome other than success). */
export function errorFromOutcome(outcome: Outcome, call: ZimCall): ZimError {
  const { action } = call;
  const attempts = call.state.attempts;
  if (outcome.body && outcome.code !== undefined && outcome.code !== 0) {
    return new ZimApiError({
      code: outcome.code,
      category: outcome.category,
      action,
      attempts,
      requestId: typeof outcome.body.RequestId === 'string' ? outcome.body.RequestId : undefined,
      serverMessage: typeof outcome.body.Message === 'string' ? outcome.body.Message : undefined,
    });
  }
  if (outcome.response) {
    const { status, truncated } = outcome.response;
    const detail = status < 300 ? (truncated ? 'body too large to read' : 'body is not ZIM JSON') : undefined;
    return new ZimHttpError({
      status,
      category: outcome.category,
      action,
      attempts,
      ...(detail && { detail }),
    });
  }
  return new ZimTransportError({
    action,
    attempts,
    mayHaveCommitted: outcome.mayHaveCommitted ?? true,
    cause: outcome.error,
  });
}
