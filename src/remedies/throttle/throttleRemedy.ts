import type { ZimCall } from '../../core/Call.js';
import { DeadlineExceeded } from '../../core/Deadline.js';
import type { Outcome } from '../../core/Outcome.js';
import { sleep } from '../../core/sleep.js';
import { ZimQuotaError } from '../../errors/ZimQuotaError.js';
import type { EventSink } from '../../events/EventSink.js';
import type { Permit } from '../../limits/Limiter.js';
import type { LimiterRegistry } from '../../limits/LimiterRegistry.js';
import type { ResolvedOptions } from '../../options/resolveOptions.js';
import { type Remedy, remedy } from '../Remedy.js';
import type { SlotRequest } from './SlotRequest.js';
import { type Slots, slots } from './slots.js';

const APP_WIDE_LIMIT = 7;
const WINDOW_MS = 1000;
/** After the server refused a quota'd action for its quota, how long nothing more is sent (then one call finds out). */
const QUOTA_PROBE_MS = 60_000;

/**
 * The throttle, and its slots, for the engine's fast path (the first slot taken before a call
 * is built).
 * @internal
 */
export type ThrottleRemedy = Remedy & { readonly slots: Slots };

/**
 * Keeps each action (per group or room, where scoped) under its limit: every attempt takes a
 * slot of its limiter first (the first one prepaid by the engine, `call.firstSlot`); a retry or
 * requeue goes ahead of new calls, and its wait counts toward the call's deadline (`call.deadline`,
 * when retry is outside). It owns its state: the limiters, the app-wide pause, when each quota'd
 * action was last sent, and the requeues of each attempt it was given. It owns rate-limited
 * answers: one lowers the limiter's learned rate to what the server took (docs/overload.md) and,
 * unless that already holds the next grant back, pauses it for the rest of the server's window
 * (every limiter, for the app-wide code 7); the attempt goes out again
 * ahead of new ones, at most `maxRequeues` times: then it returns that answer with `giveUp` set,
 * so nothing outside retries it on top. A daily quota fails fast once spent. Actions without a
 * limit never touch a limiter.
 * @internal
 */
export function throttleRemedy(
  options: ResolvedOptions,
  limiters: LimiterRegistry,
  events: EventSink,
): ThrottleRemedy {
  const { limits, clock, maxRequeues, retry } = options;
  const taking = slots(limiters, clock, events);
  /** Until when every action waits: the app-wide limit (code 7) was hit. */
  let appPausedUntil = 0;
  /** When each quota'd action was last sent by this client: a refusal right after another is about the second, not the day. */
  const lastSent = new Map<string, number>();

  const handler = remedy('throttle', (next) => (call: ZimCall) => {
    const limit = limits.get(call.action);
    const { deadline } = call;
    let requeues = 0;
    /** Whether this attempt's action went out alone in its second (for an action with a daily quota). */
    let alone = false;

    const answered = (outcome: Outcome): Outcome | Promise<Outcome> => {
      if (outcome.category !== 'rate-limited') return outcome;
      if (alone && limit) {
        // Refused although nothing else of it went out in that second: the day's quota is spent
        // elsewhere (another system of the app). Requeued, it would only be refused again.
        const quota = limiters.quota(call.action, limit);
        if (quota) {
          quota.spent(QUOTA_PROBE_MS);
          throw new ZimQuotaError({
            action: call.action,
            quota: quota.limit,
            retryAfterMs: QUOTA_PROBE_MS,
            refusedWith: outcome.code,
            attempts: call.state.attempts,
          });
        }
      }
      if (requeues >= maxRequeues) return { ...outcome, giveUp: 'max-requeues', requeues };
      return requeue(outcome);
    };

    const send = (permit: Permit | undefined, waitSignal: AbortSignal): Promise<Outcome> => {
      if (limit?.dailyQuota !== undefined) {
        const now = clock.now();
        const previous = lastSent.get(call.action);
        alone = previous === undefined || now - previous >= WINDOW_MS;
        lastSent.set(call.action, now);
      }
      if (!permit) return next(call).then(answered);
      if (waitSignal.aborted) {
        permit.release(); // the deadline passed while the slot was granted: send nothing
        return Promise.reject(waitSignal.reason);
      }
      const release = () => permit.release(); // when the answer arrived: the slot's window starts then
      return next(call).then(
        (outcome) => {
          release();
          return answered(outcome);
        },
        (error: unknown) => {
          release();
          throw error;
        },
      );
    };

    /** Takes a slot (ahead of new calls, for a retry or requeue, bounded by the deadline) and sends. */
    const attempt = (priority: boolean): Promise<Outcome> => {
      const waitSignal = priority ? (deadline?.signal ?? call.signal) : call.signal;
      if (appPausedUntil > clock.now()) {
        return sleep(appPausedUntil - clock.now(), clock, waitSignal).then(() => attempt(priority));
      }
      const prepaid = call.firstSlot?.take();
      if (prepaid || !limit) return send(prepaid, waitSignal);
      const slot: SlotRequest = {
        action: call.action,
        limit,
        scopeKey: call.scopeKey,
        weight: call.weight,
        signal: waitSignal,
        priority: call.priority ?? 0,
        call,
      };
      const permit = taking.slotFor(slot, priority);
      return permit instanceof Promise ? permit.then((p) => send(p, waitSignal)) : send(permit, waitSignal);
    };

    const requeue = async (outcome: Outcome): Promise<Outcome> => {
      let pauseMs = Math.min(Math.max(outcome.retryAfterMs ?? 0, WINDOW_MS), retry.maxRetryAfterMs);
      if (deadline && pauseMs >= deadline.remaining()) {
        return { ...outcome, giveUp: 'deadline', requeues }; // the pause alone outlasts the deadline
      }
      requeues++;
      const limiter =
        outcome.code === APP_WIDE_LIMIT || !limit
          ? undefined
          : limiters.get(call.action, limit.scope === 'app' ? undefined : call.scopeKey, limit);
      // The learned rate first: when it already holds the next grant back (the window holds what
      // the server took), no pause on top, unless the server said when (Retry-After).
      const heldBack = limiter?.slowDown() === true && outcome.retryAfterMs === undefined;
      if (heldBack) pauseMs = 0;
      events.emit(
        'rateLimited',
        {
          action: call.action,
          scopeKey: call.scopeKey,
          code: outcome.code,
          pauseMs,
          requeues,
        },
        call,
      );
      try {
        if (outcome.code === APP_WIDE_LIMIT) {
          appPausedUntil = Math.max(appPausedUntil, clock.now() + pauseMs);
          limiters.pauseAll(pauseMs);
        } else if (limiter) {
          if (!heldBack) limiter.pause(pauseMs);
        } else {
          await sleep(pauseMs, clock, deadline?.signal ?? call.signal); // no limiter to pause: this call waits alone
        }
        return await attempt(true);
      } catch (error) {
        if (!(error instanceof DeadlineExceeded)) throw error;
        return { ...outcome, giveUp: 'deadline', requeues };
      }
    };

    try {
      return attempt(call.state.attempts > 0);
    } catch (error) {
      return Promise.reject(error);
    }
  });
  return Object.assign(handler, { slots: taking });
}
