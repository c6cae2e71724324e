import pRetry, { AbortError } from 'p-retry';
import type { ZimCall } from '../core/Call.js';
import { DeadlineExceeded } from '../core/Deadline.js';
import type { CallHandler, Interceptor } from '../core/Interceptor.js';
import type { Outcome } from '../core/Outcome.js';
import { sleep } from '../core/sleep.js';
import { deadlineOf } from '../engine/deadlineOf.js';
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
 * full jitter in [0, min(maxDelayMs, minDelayMs * 2^(retry-1))), a Retry-After honoured (capped,
 * not jittered), `maxAttempts`, the deadline, the shared retry budget, and the call's signal in
 * every wait. An auth refusal gets one immediate re-signed attempt; a fatal outcome none. A
 * rate-limited answer belongs to the throttle when it is in the chain (it requeues the call), and
 * is retried here only when it is not. When it gives up, it returns the last outcome and records
 * why in `call.state.giveUp`: the door decides what the caller sees.
 */
export function retryInterceptor(ctx: EngineContext): Interceptor {
  const { retry, random } = ctx.options;

  /** Whether an outcome ends the call here; a success refills the budget. */
  const isFinal = (outcome: Outcome): boolean => {
    const { category } = outcome;
    if (category === 'success') ctx.budget?.onSuccess();
    return (
      category === 'success' ||
      category === 'fatal' ||
      (category === 'rate-limited' && ctx.rateLimitedOwner === 'throttle')
    );
  };

  const decide = async (call: ZimCall, failed: FailedAttempt, retries: number): Promise<void> => {
    const { outcome } = failed;
    const { state } = call;
    if (outcome.category === 'auth') {
      if (state.resigns >= 1) {
        state.giveUp = 're-signed';
        return;
      }
      state.resigns++;
      failed.decision = 'resign';
      ctx.events.emit(
        'resign',
        {
          action: call.action,
          code: outcome.code,
          clockOffsetMs: ctx.clockOffset.ms,
        },
        call,
      );
      return;
    }
    if (retries + 1 >= retry.maxAttempts) {
      state.giveUp = 'max-attempts';
      return;
    }
    if (ctx.budget && !ctx.budget.onFailure()) {
      state.giveUp = 'budget';
      return;
    }
    const deadline = deadlineOf(call, ctx);
    const delayMs =
      outcome.retryAfterMs !== undefined
        ? Math.min(outcome.retryAfterMs, retry.maxRetryAfterMs)
        : backoffDelay(retries + 1, retry.minDelayMs, retry.maxDelayMs, random);
    if (deadline && delayMs >= deadline.remaining()) {
      state.giveUp = 'deadline'; // no attempt starts after the deadline
      return;
    }
    ctx.events.emit(
      'retry',
      {
        action: call.action,
        attempt: state.attempts,
        delayMs,
        category: outcome.category,
        reason: reasonOf(outcome),
      },
      call,
    );
    await sleep(delayMs, ctx.options.clock, call.signal);
    failed.decision = 'retry';
  };

  const retryAfter = async (next: CallHandler, call: ZimCall, first: Outcome): Promise<Outcome> => {
    let pending: Outcome | undefined = first;
    let last = first;
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
              if (error instanceof DeadlineExceeded) {
                // the wait for a slot ran into the deadline: give up with what the last attempt said
                call.state.giveUp = 'deadline';
                throw new AbortError(new FailedAttempt(last));
              }
              throw new AbortError(error as Error);
            }
          }
          last = outcome;
          if (isFinal(outcome)) return outcome;
          throw new FailedAttempt(outcome);
        },
        {
          retries: Number.POSITIVE_INFINITY,
          minTimeout: 0,
          signal: call.signal,
          onFailedAttempt: async ({ error }) => {
            if (error instanceof FailedAttempt) await decide(call, error, retries);
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
    // The first attempt runs outside p-retry: a call that succeeds (or fails for good) at once pays nothing for it.
    const settle = (first: Outcome): Outcome | Promise<Outcome> =>
      isFinal(first) ? first : retryAfter(next, call, first);
    try {
      return next(call).then(settle);
    } catch (error) {
      return Promise.reject(error);
    }
  };
}
