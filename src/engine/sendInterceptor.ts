import { classifyHttpStatus } from '../codes/classifyHttpStatus.js';
import type { CallHandler } from '../core/Interceptor.js';
import { linkSignals } from '../core/linkSignals.js';
import type { EngineContext } from './EngineContext.js';

/** The attempt took longer than `retry.attemptTimeoutMs`. Classified as a transport error after writing. */
export class AttemptTimeoutError extends Error {
  readonly code = 'ZIM_ATTEMPT_TIMEOUT';
  constructor(ms: number) {
    super(`no answer within the attempt timeout of ${ms} ms`);
    this.name = 'AttemptTimeoutError';
  }
}

/** The end of the chain: sends one attempt through the door, under the per-attempt timeout. */
export function sendAttempt(ctx: EngineContext): CallHandler {
  const { clock, retry } = ctx.options;
  return async (call) => {
    call.state.attempts++;
    ctx.events.emit('attempt', {
      action: call.action,
      scopeKey: call.scopeKey,
      attempt: call.state.attempts,
    });
    const timeout = new AbortController();
    const timer = Number.isFinite(retry.attemptTimeoutMs)
      ? clock.setTimeout(
          () => timeout.abort(new AttemptTimeoutError(retry.attemptTimeoutMs)),
          retry.attemptTimeoutMs,
        )
      : undefined;
    const linked = linkSignals(call.signal, timeout.signal);
    try {
      const response = await call.send(call.signed, linked.signal);
      return { category: classifyHttpStatus(response.status) ?? 'success', response };
    } catch (error) {
      throw timeout.signal.aborted && !call.signal.aborted ? timeout.signal.reason : error;
    } finally {
      if (timer !== undefined) clock.clearTimeout(timer);
      linked.dispose();
    }
  };
}
