import pRetry, { AbortError } from 'p-retry';
import type { ZimCall } from '../core/Call.js';
import type { CallHandler, Interceptor } from '../core/Interceptor.js';
import type { Outcome } from '../core/Outcome.js';
import { sleep } from '../core/sleep.js';
import type { EngineContext } from '../engine/EngineContext.js';
import { backoffDelay } from '../retry/backoff.js';
import { reasonOf } from './reasonOf.js';

/** Carries a failed outcome through p-retry. Never seen by users. */
class FailedAttempt extends Error {
  decision: 'retry' | 'resign' | 'give-up' = 'give-up';
  constructor(readonly outcome: Outcome) {
    super('failed attempt');
  }
}

/**
 * Retries what may succeed later, with p-retry driving the attempts: exponential backoff with
 * full jitter between `minDelayMs` and `maxDelayMs`, a Retry-After honoured (capped, not
 * jittered), `maxAttempts`, the deadline, the shared retry budget, and the call's signal in
 * every wait. An auth refusal gets one immediate re-signed attempt; a fatal outcome none.
 * When it gives up, it returns the last outcome: the door decides what the caller sees.
 */
export function retryInterceptor(ctx: EngineContext): Interceptor {
  const { retry, clock, random } = ctx.options;

  /** Whether an outcome ends the call (success, or fatal); a success refills the budget. */
  const isFinal = (outcome: Outcome): boolean => {
    if (outcome.category === 'success') ctx.budget?.onSuccess();
    return outcome.category === 'success' || outcome.category === 'fatal';
  };

  const decide = async (
    call: ZimCall,
    failed: FailedAttempt,
    retries: number,
    firstAt: number,
  ): Promise<void> => {
    const { outcome } = failed;
    if (outcome.category === 'auth') {
      if (call.state.resigns >= 1) return;
      call.state.resigns++;
      failed.decision = 'resign';
      ctx.events.emit('resign', {
        action: call.action,
        code: outcome.code,
        clockOffsetMs: ctx.clockOffset.ms,
      });
      return;
    }
    if (retries + 1 >= retry.maxAttempts) return;
    if (ctx.budget && !ctx.budget.onFailure()) return;
    const remaining = retry.deadlineMs - (clock.now() - firstAt);
    const delayMs =
      outcome.retryAfterMs !== undefined
        ? Math.min(outcome.retryAfterMs, retry.maxRetryAfterMs)
        : backoffDelay(retries + 1, retry.minDelayMs, retry.maxDelayMs, random);
    if (delayMs > remaining) return;
    ctx.events.emit('retry', {
      action: call.action,
      attempt: call.state.attempts,
      delayMs,
      category: outcome.category,
      reason: reasonOf(outcome),
    });
    await sleep(delayMs, clock, call.signal);
    failed.decision = 'retry';
  };

  const retryAfter = async (
    next: CallHandler,
    call: ZimCall,
    first: Outcome,
    firstAt: number,
  ): Promise<Outcome> => {
    let pending: Outcome | undefined = first;
    let retries = 0;
    try {
      return await pRetry(
        async () => {
          let outcome = pending;
          pending = undefined;
          if (!outcome) {
            try {
              outcome = await next(call);
            } catch (error) {
              throw new AbortError(error as Error);
            }
          }
          if (isFinal(outcome)) return outcome;
          throw new FailedAttempt(outcome);
        },
        {
          retries: Number.POSITIVE_INFINITY,
          minTimeout: 0,
          signal: call.signal,
          onFailedAttempt: async ({ error }) => {
            if (error instanceof FailedAttempt) await decide(call, error, retries, firstAt);
          },
          shouldConsumeRetry: ({ error }) => !(error instanceof FailedAttempt && error.decision === 'resign'),
          shouldRetry: ({ error }) => {
            if (!(error instanceof FailedAttempt) || error.decision === 'give-up') return false;
            if (error.decision === 'retry') retries++;
            return true;
          },
        },
      );
    } catch (error) {
      if (error instanceof FailedAttempt) return error.outcome;
      throw error;
    }
  };

  return (next) => (call) => {
    const firstAt = clock.now();
    // The first attempt runs outside p-retry: a call that succeeds (or fails for good) at once pays nothing for it.
    const settle = (first: Outcome): Outcome | Promise<Outcome> => {
      return isFinal(first) ? first : retryAfter(next, call, first, firstAt);
    };
    try {
      return next(call).then(settle);
    } catch (error) {
      return Promise.reject(error);
    }
  };
}
