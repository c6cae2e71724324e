import { classifyHttpStatus } from '../codes/classifyHttpStatus.js';
import type { CallHandler } from '../core/Interceptor.js';
import type { Outcome } from '../core/Outcome.js';
import type { RawResponse } from '../core/RawResponse.js';
import type { EngineContext } from './EngineContext.js';

/** The attempt took longer than `retry.attemptTimeoutMs`. Classified as a transport error after writing. */
export class AttemptTimeoutError extends Error {
  readonly code = 'ZIM_ATTEMPT_TIMEOUT';
  constructor(ms: number) {
    super(`no answer within the attempt timeout of ${ms} ms`);
    this.name = 'AttemptTimeoutError';
  }
}

const toOutcome = (response: RawResponse): Outcome => ({
  category: classifyHttpStatus(response.status) ?? 'success',
  response,
});

/** The end of the chain: sends one attempt through the door, under the per-attempt timeout. */
export function sendAttempt(ctx: EngineContext): CallHandler {
  const { clock, retry } = ctx.options;
  const timeoutMs = retry.attemptTimeoutMs;
  return async (call) => {
    const { signal } = call;
    signal.throwIfAborted();
    call.state.attempts++;
    if (ctx.events.wants('attempt')) {
      ctx.events.emit('attempt', {
        action: call.action,
        scopeKey: call.scopeKey,
        attempt: call.state.attempts,
      });
    }
    if (call.appliesTimeout) return call.send(call.signed, signal, timeoutMs).then(toOutcome);
    // One controller per attempt: aborted by the call's signal or by the attempt timeout.
    const attempt = new AbortController();
    const onAbort = () => attempt.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const timer = Number.isFinite(timeoutMs)
      ? clock.setTimeout(() => attempt.abort(new AttemptTimeoutError(timeoutMs)), timeoutMs)
      : undefined;
    try {
      return toOutcome(await call.send(call.signed, attempt.signal, timeoutMs));
    } catch (error) {
      throw attempt.signal.aborted && !signal.aborted ? attempt.signal.reason : error;
    } finally {
      if (timer !== undefined) clock.clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  };
}
