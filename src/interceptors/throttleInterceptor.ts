import { DeadlineExceeded } from '../core/Deadline.js';
import type { Interceptor } from '../core/Interceptor.js';
import type { Outcome } from '../core/Outcome.js';
import { sleep } from '../core/sleep.js';
import { deadlineOf } from '../engine/deadlineOf.js';
import type { EngineContext } from '../engine/EngineContext.js';
import { ZimError } from '../errors/ZimError.js';
import { ZimQuotaError } from '../errors/ZimQuotaError.js';
import { DailyQuota } from '../limits/DailyQuota.js';
import type { Limiter, Permit, SlotWaiter } from '../limits/Limiter.js';
import type { ResolvedLimit } from '../limits/LimitSpec.js';

/** What a limiter slot is asked for with. */
export interface SlotRequest {
  readonly action: string;
  readonly limit: ResolvedLimit;
  readonly scopeKey: string | undefined;
  readonly weight: number;
  readonly signal: AbortSignal | undefined;
}

/** The throttle, and its first-attempt slot for the engine to take before a call is built. */
export type ThrottleInterceptor = Interceptor & {
  /**
   * A slot for a call's first attempt: returned now, or `undefined` once `waiter` is queued (it
   * is then told, once). Throws for a weight that can never fit and for a spent quota.
   */
  admit(slot: SlotRequest, waiter: SlotWaiter): Permit | undefined;
};

/** Takes the quota and emits `throttle` once a queued slot is granted, then tells the caller's waiter. */
class AfterWait implements SlotWaiter {
  readonly weight: number;
  readonly #started: number;
  constructor(
    readonly slot: SlotRequest,
    readonly waiter: SlotWaiter,
    readonly ctx: EngineContext,
    readonly quota: DailyQuota | undefined,
  ) {
    this.weight = slot.weight;
    this.#started = ctx.options.clock.now();
  }
  granted(permit: Permit): void {
    const { slot, ctx, quota } = this;
    if (ctx.events.wants('throttle')) {
      const waitedMs = ctx.options.clock.now() - this.#started;
      ctx.events.emit('throttle', { action: slot.action, scopeKey: slot.scopeKey, waitedMs });
    }
    if (quota) {
      const retryAfterMs = quota.take();
      if (retryAfterMs > 0) {
        permit.release();
        this.waiter.failed(new ZimQuotaError({ action: slot.action, quota: quota.limit, retryAfterMs }));
        return;
      }
    }
    this.waiter.granted(permit);
  }
  failed(reason: unknown): void {
    this.waiter.failed(reason);
  }
}

const APP_WIDE_LIMIT = 7;
const WINDOW_MS = 1000;

/**
 * Keeps each action (per group or room, where scoped) under its limit: every attempt takes a
 * slot of its limiter first; a retry or requeue goes ahead of new calls (first come first served
 * among them), and its wait counts toward the call's deadline. It owns rate-limited answers: one
 * pauses the limiter for the rest of the server's window (every limiter, for the app-wide code 7),
 * slows it down (at most once per window), and the call goes out again ahead of new ones, at most
 * `maxRequeues` times: then it is given up with that answer. A daily quota fails fast once spent.
 * Actions without a limit never touch a limiter.
 */
export function throttleInterceptor(ctx: EngineContext): ThrottleInterceptor {
  const { limits, clock, maxRequeues, retry } = ctx.options;

  const quotaOf = (action: string, limit: ResolvedLimit): DailyQuota | undefined => {
    if (limit.dailyQuota === undefined) return undefined;
    let quota = ctx.quotas.get(action);
    if (!quota) {
      quota = new DailyQuota(limit.dailyQuota, clock);
      ctx.quotas.set(action, quota);
    }
    return quota;
  };

  /** Throws `ZimQuotaError` when the quota has no room; with `take`, uses one call of it. */
  const quotaCheck = (action: string, quota: DailyQuota, take: boolean) => {
    const retryAfterMs = take ? quota.take() : quota.waitMs();
    if (retryAfterMs > 0) throw new ZimQuotaError({ action, quota: quota.limit, retryAfterMs });
  };

  /** Takes the quota for a granted slot; gives the slot back if the quota is spent. */
  const quotaTaken = (action: string, quota: DailyQuota, permit: Permit) => {
    try {
      quotaCheck(action, quota, true);
    } catch (error) {
      permit.release();
      throw error;
    }
    return permit;
  };

  /** The call's limiter, after the checks that fail fast: a weight that can never fit, a spent quota. */
  const limiterFor = (slot: SlotRequest): { limiter: Limiter; quota: DailyQuota | undefined } => {
    const { action, limit, weight } = slot;
    if (weight > limit.burst) {
      const message = `${action} asks for ${weight} units but its limit is ${limit.burst} at once; split the call`;
      throw new ZimError(message, { action });
    }
    const quota = quotaOf(action, limit);
    if (quota) quotaCheck(action, quota, false); // fail fast, before any wait
    const limiter = ctx.limiters.get(action, limit.scope === 'app' ? undefined : slot.scopeKey, limit);
    return { limiter, quota };
  };

  /** The first attempt's slot, for the engine: a queued call is its waiter and nothing more. */
  const admit = (slot: SlotRequest, waiter: SlotWaiter): Permit | undefined => {
    const { limiter, quota } = limiterFor(slot);
    const now = limiter.tryAcquire(slot.weight);
    if (now) return quota ? quotaTaken(slot.action, quota, now) : now;
    const told = quota || ctx.events.wants('throttle') ? new AfterWait(slot, waiter, ctx, quota) : waiter;
    const options = { signal: slot.signal };
    if (limiter.enqueue) limiter.enqueue(told, options);
    else
      limiter.acquire(slot.weight, options).then(
        (permit) => told.granted(permit),
        (reason: unknown) => told.failed(reason),
      );
    return undefined;
  };

  /**
   * A slot of the call's limiter: now (no promise, no timer hop) or once one is free. The quota is
   * checked before any wait and taken once the slot is granted. Throws for a weight that can never
   * fit and for a spent quota.
   */
  const slotFor = (slot: SlotRequest, priority: boolean): Permit | Promise<Permit> => {
    const { action, weight } = slot;
    const { limiter, quota } = limiterFor(slot);
    const now = priority ? undefined : limiter.tryAcquire(weight);
    if (now) return quota ? quotaTaken(action, quota, now) : now;
    const waiting = limiter.acquire(weight, { signal: slot.signal, priority });
    // A queued call holds nothing more than the limiter's waiter unless something needs it.
    if (!quota && !ctx.events.wants('throttle')) return waiting;
    const started = clock.now();
    return waiting.then((permit) => {
      if (ctx.events.wants('throttle')) {
        ctx.events.emit('throttle', { action, scopeKey: slot.scopeKey, waitedMs: clock.now() - started });
      }
      return quota ? quotaTaken(action, quota, permit) : permit;
    });
  };

  const interceptor: Interceptor = (next) => (call) => {
    const limit = limits.get(call.action);
    const { state } = call;

    const answered = (outcome: Outcome): Outcome | Promise<Outcome> => {
      if (outcome.category !== 'rate-limited') return outcome;
      if (state.requeues >= maxRequeues) {
        state.giveUp = 'max-requeues';
        return outcome;
      }
      return requeue(outcome);
    };

    const send = (permit: Permit | undefined, waitSignal: AbortSignal): Promise<Outcome> => {
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
      const waitSignal = priority ? (deadlineOf(call, ctx)?.signal ?? call.signal) : call.signal;
      if (ctx.appPause.until > clock.now()) {
        return sleep(ctx.appPause.until - clock.now(), clock, waitSignal).then(() => attempt(priority));
      }
      const prepaid = state.prepaid;
      state.prepaid = undefined;
      if (prepaid || !limit) return send(prepaid, waitSignal);
      const slot: SlotRequest = {
        action: call.action,
        limit,
        scopeKey: call.scopeKey,
        weight: call.weight,
        signal: waitSignal,
      };
      const permit = slotFor(slot, priority);
      return permit instanceof Promise ? permit.then((p) => send(p, waitSignal)) : send(permit, waitSignal);
    };

    const requeue = async (outcome: Outcome): Promise<Outcome> => {
      const pauseMs = Math.min(Math.max(outcome.retryAfterMs ?? 0, WINDOW_MS), retry.maxRetryAfterMs);
      const deadline = deadlineOf(call, ctx);
      if (deadline && pauseMs >= deadline.remaining()) {
        state.giveUp = 'deadline'; // the pause alone outlasts the deadline
        return outcome;
      }
      state.requeues++;
      ctx.events.emit('rateLimited', {
        action: call.action,
        scopeKey: call.scopeKey,
        code: outcome.code,
        pauseMs,
        requeues: state.requeues,
      });
      try {
        if (outcome.code === APP_WIDE_LIMIT) {
          ctx.appPause.until = Math.max(ctx.appPause.until, clock.now() + pauseMs);
          ctx.limiters.pauseAll(pauseMs);
        } else if (limit) {
          const limiter = ctx.limiters.get(
            call.action,
            limit.scope === 'app' ? undefined : call.scopeKey,
            limit,
          );
          limiter.pause(pauseMs);
          limiter.slowDown();
        } else {
          await sleep(pauseMs, clock, deadline?.signal ?? call.signal); // no limiter to pause: this call waits alone
        }
        return await attempt(true);
      } catch (error) {
        if (!(error instanceof DeadlineExceeded)) throw error;
        state.giveUp = 'deadline';
        return outcome;
      }
    };

    try {
      return attempt(state.attempts > 0);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return Object.assign(interceptor, { admit });
}
