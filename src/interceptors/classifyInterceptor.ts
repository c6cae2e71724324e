import { describeTransportError } from '../codes/describeTransportError.js';
import { wallNow } from '../core/Clock.js';
import type { Interceptor } from '../core/Interceptor.js';
import type { Outcome } from '../core/Outcome.js';
import type { EngineContext } from '../engine/EngineContext.js';
import { attemptEndOf } from '../events/attemptEndOf.js';
import { classifyResponse } from './classifyResponse.js';

/**
 * Turns each attempt's answer into a category (status, then body `Code` through the catalog; a 2xx
 * without ZIM JSON is never resent for an action that is not idempotent),
 * and a transport error into one: fatal when no retry can help (a TLS certificate not trusted);
 * retryable when nothing was written, or when the action is idempotent; otherwise fatal, marked
 * as possibly committed.
 */
export function classifyInterceptor(ctx: EngineContext): Interceptor {
  const { catalog, clock } = ctx.options;
  return (next) => (call) => {
    const told = (outcome: Outcome): Outcome => {
      if (ctx.events.wants('attemptEnd')) ctx.events.emit('attemptEnd', attemptEndOf(call, outcome), call);
      return outcome;
    };
    const classified = (outcome: Outcome): Outcome =>
      told(
        outcome.response
          ? classifyResponse(outcome.response, catalog, wallNow(clock), call.idempotent)
          : outcome,
      );
    const transportFailed = (error: unknown): Outcome => {
      if (call.signal.aborted) throw call.signal.reason;
      const failure = describeTransportError(error);
      const written = failure.written !== 'no';
      return told({
        category: !failure.fatal && (!written || call.idempotent) ? 'retryable' : 'fatal',
        error,
        mayHaveCommitted: written,
      });
    };
    try {
      return next(call).then(classified, transportFailed);
    } catch (error) {
      return Promise.reject(error).catch(transportFailed);
    }
  };
}
