import { classifyHttpStatus } from '../codes/classifyHttpStatus.js';
import type { CallHandler } from '../core/Interceptor.js';
import type { Outcome } from '../core/Outcome.js';
import { onAbort } from '../core/onAbort.js';
import type { RawResponse } from '../core/RawResponse.js';
import type { EngineContext } from './EngineContext.js';

/** The attempt took longer than `retry.attemptTimeoutMs`. Classified as a transport error after writing. */
export class AttemptTimeoutError extends Error {
  readonly code = 'ZIM_ATTEMPT_TIMEOUT';
  constructor(ms: number) {
    super(`no whole answer within the attempt timeout of ${ms} ms`);
    this.name = 'AttemptTimeoutError';
  }
}

const toOutcome = (response: RawResponse): Outcome => ({
  category: classifyHttpStatus(response.status) ?? 'success',
  response,
});

/**
 * The end of the chain: sends one attempt through the door, the whole attempt (headers and body
 * together) bounded by the attempt timeout: one timer and one controller per attempt, aborted by
 * the call's signal too.
 */
export function sendAttempt(ctx: EngineContext): CallHandler {
  const { clock, retry } = ctx.options;
  const timeoutMs = retry.attemptTimeoutMs;
  const bounded = Number.isFinite(timeoutMs);
  return async (call) => {
    const { signal, state } = call;
    signal.throwIfAborted();
    state.attempts++;
    state.firstSentAt ??= clock.now();
    if (ctx.events.wants('attempt')) {
      ctx.events.emit(
        'attempt',
        {
          action: call.action,
          scopeKey: call.scopeKey,
          attempt: state.attempts,
        },
        call,
      );
    }
    state.inFlight = true;
    if (call.appliesTimeout) {
      try {
        return toOutcome(await call.send(call.signed, signal, timeoutMs));
      } finally {
        if (!signal.aborted) state.inFlight = false;
      }
    }
    const attempt = new AbortController();
    const unlisten = onAbort(signal, () => attempt.abort(signal.reason));
    const timer = bounded
      ? clock.setTimeout(() => attempt.abort(new AttemptTimeoutError(timeoutMs)), timeoutMs)
      : undefined;
    try {
      return toOutcome(await call.send(call.signed, attempt.signal, timeoutMs));
    } catch (error) {
      throw attempt.signal.aborted && !signal.aborted ? attempt.signal.reason : error;
    } finally {
      if (!signal.aborted) state.inFlight = false; // aborted or closed mid-attempt: it stays on record
      if (timer !== undefined) clock.clearTimeout(timer);
      unlisten();
    }
  };
}
