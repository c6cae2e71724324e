import type { ZimCall } from '../../core/Call.js';
import { Deadline, DeadlineExceeded } from '../../core/Deadline.js';
import type { CallHandler } from '../../core/Interceptor.js';
import type { Outcome } from '../../core/Outcome.js';
import { reasonOf } from '../../core/reasonOf.js';
import { sleep } from '../../core/sleep.js';
import type { EventSink } from '../../events/EventSink.js';
import type { ResolvedOptions } from '../../options/resolveOptions.js';
import { type Remedy, remedy } from '../Remedy.js';
import { decide } from './decide.js';
import { RetryBudget } from './RetryBudget.js';

/**
 * Retries what may succeed later: a plain loop around the pure `decide` (docs/retries.md says
 * why not p-retry). It owns its state: the attempts it made and the re-sign (per call, in the
 * loop), the retry budget (per client) and the call's deadline (`retry.deadlineMs`, made here and
 * handed to the steps inside it as `call.deadline`, so the throttle's waits count toward it).
 * It never retries an outcome a remedy inside it gave up (`giveUp`): with a throttle, rate-limited
 * answers are the throttle's. When it gives up, it returns the last outcome with `giveUp` set:
 * the door decides what the caller sees.
 * @internal
 */
export function retryRemedy(options: ResolvedOptions, events: EventSink): Remedy {
  const { retry, random, clock } = options;
  const budget = retry.budget ? new RetryBudget(retry.budget.maxTokens, retry.budget.tokenRatio) : undefined;
  const bounded = Number.isFinite(retry.deadlineMs);

  /** Whether an outcome ends the call as it is; a success refills the budget. */
  const isFinal = (outcome: Outcome): boolean => {
    const { category } = outcome;
    if (category === 'success') {
      budget?.onSuccess();
      return true;
    }
    return category === 'fatal' || outcome.giveUp !== undefined;
  };

  const loop = async (next: CallHandler, call: ZimCall, first: Outcome): Promise<Outcome> => {
    let outcome = first;
    let retries = 0;
    let resigns = 0;
    for (;;) {
      const auth = outcome.category === 'auth';
      // a failure of this process's own (EMFILE) sent nothing: it does not spend the server's budget
      const allowed = auth || !budget || outcome.local ? undefined : budget.onFailure();
      const jitter = auth ? 0 : random();
      const decision = decide(
        retry,
        outcome,
        { retries, resigns, jitter },
        allowed,
        call.deadline?.remaining(),
      );
      if (decision.kind === 'done') return outcome;
      if (decision.kind === 'give-up') return { ...outcome, giveUp: decision.reason };
      if (decision.resign) {
        resigns++;
        events.emit(
          'resign',
          {
            action: call.action,
            code: outcome.code,
            clockOffsetMs: outcome.clockOffsetMs ?? 0,
          },
          call,
        );
      } else {
        retries++;
        events.emit(
          'retry',
          {
            action: call.action,
            attempt: call.state.attempts,
            delayMs: decision.delayMs,
            category: outcome.category,
            reason: reasonOf(outcome),
          },
          call,
        );
        await sleep(decision.delayMs, clock, call.signal);
      }
      try {
        outcome = await next(call);
      } catch (error) {
        // the wait for a slot ran into the deadline: give up with what the last attempt said
        if (error instanceof DeadlineExceeded) return { ...outcome, giveUp: 'deadline' };
        throw error;
      }
      if (isFinal(outcome)) return outcome;
    }
  };

  return remedy('retry', (next) => (call) => {
    const deadline = bounded ? new Deadline(retry.deadlineMs, clock, call.signal, call.state) : undefined;
    const inner: ZimCall = deadline ? { ...call, deadline } : call;
    const done = <T>(value: T): T => {
      deadline?.dispose();
      return value;
    };
    // The first attempt runs outside the loop: a call that succeeds (or fails for good) at once pays nothing for it.
    const settle = (first: Outcome): Outcome | Promise<Outcome> =>
      isFinal(first)
        ? done(first)
        : loop(next, inner, first).then(done, (error: unknown) => {
            throw done(error);
          });
    try {
      return next(inner).then(settle, (error: unknown) => {
        throw done(error);
      });
    } catch (error) {
      return Promise.reject(done(error));
    }
  });
}
