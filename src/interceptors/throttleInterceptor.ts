import { DeadlineExceeded } from '../core/Deadline.js';
import type { Interceptor } from '../core/Interceptor.js';
import type { Outcome } from '../core/Outcome.js';
import { sleep } from '../core/sleep.js';
import { deadlineOf } from '../engine/deadlineOf.js';
import type { EngineContext } from '../engine/EngineContext.js';
import { ZimError } from '../errors/ZimError.js';
import { ZimQuotaError } from '../errors/ZimQuotaError.js';
import type { Limiter, Permit, SlotWaiter } from '../limits/Limiter.js';
import type { ResolvedLimit } from '../limits/LimitSpec.js';
import type { Quota, QuotaTake, QuotaTicket } from '../limits/Quota.js';

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

/** Emits `throttle` once a queued slot is granted, then tells the caller's waiter; a wait that fails gives its quota back. */
class AfterWait implements SlotWaiter {
  readonly weight: number;
  readonly #started: number;
  constructor(
    readonly slot: SlotRequest,
    readonly waiter: SlotWaiter,
    readonly ctx: EngineContext,
    readonly ticket: QuotaTicket | undefined,
  ) {
    this.weight = slot.weight;
    this.#started = ctx.options.clock.now();
  }
  granted(permit: Permit): void {
    const { slot, ctx } = this;
    if (ctx.events.wants('throttle')) {
      const waitedMs = ctx.options.clock.now() - this.#started;
      ctx.events.emit('throttle', { action: slot.action, scopeKey: slot.scopeKey, waitedMs });
    }
    this.waiter.granted(permit);
  }
  failed(reason: unknown): void {
    this.ticket?.giveBack(); // nothing was sent
    this.waiter.failed(reason);
  }
}

const APP_WIDE_LIMIT = 7;
const WINDOW_MS = 1000;
/** After the server refused a quota'd action for its quota, how long nothing more is sent (then one call finds out). */
const QUOTA_PROBE_MS = 60_000;

/** The ticket of a quota take, or the `ZimQuotaError` of a spent quota. */
const ticketOf = (action: string, quota: Quota, taken: QuotaTake): QuotaTicket => {
  if ('ticket' in taken) return taken.ticket;
  throw new ZimQuotaError({ action, quota: quota.limit, retryAfterMs: taken.retryAfterMs });
};

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

  /** The call's limiter (and quota), after the check that fails fast: a weight that can never fit. */
  const limiterFor = (slot: SlotRequest): { limiter: Limiter; quota: Quota | undefined } => {
    const { action, limit, weight } = slot;
    if (weight > limit.burst) {
      const message = `${action} asks for ${weight} units but its limit is ${limit.burst} at once; split the call`;
      throw new ZimError(message, { action });
    }
    const quota = ctx.limiters.quota(action, limit);
    const limiter = ctx.limiters.get(action, limit.scope === 'app' ? undefined : slot.scopeKey, limit);
    return { limiter, quota };
  };

  /** Queues `waiter` for a slot of `limiter`; a wait that fails gives `ticket` back. */
  const queue = (
    limiter: Limiter,
    slot: SlotRequest,
    waiter: SlotWaiter,
    ticket: QuotaTicket | undefined,
  ) => {
    const told = ticket || ctx.events.wants('throttle') ? new AfterWait(slot, waiter, ctx, ticket) : waiter;
    const options = { signal: slot.signal };
    if (limiter.enqueue) limiter.enqueue(told, options);
    else
      limiter.acquire(slot.weight, options).then(
        (permit) => told.granted(permit),
        (reason: unknown) => told.failed(reason),
      );
  };

  /**
   * The first attempt's slot, for the engine: a queued call is its waiter and nothing more. A
   * call of an action with a daily quota takes one call of it first, before any wait: a spent
   * quota fails at once (`ZimQuotaError`, thrown or told), and a call that is never sent gives it back.
   */
  const admit = (slot: SlotRequest, waiter: SlotWaiter): Permit | undefined => {
    const { limiter, quota } = limiterFor(slot);
    if (!quota) {
      const now = limiter.tryAcquire(slot.weight);
      if (now) return now;
      queue(limiter, slot, waiter, undefined);
      return undefined;
    }
    const taken = quota.take();
    if (taken instanceof Promise) {
      taken
        .then((t) => ticketOf(slot.action, quota, t))
        .then(
          (ticket) => queue(limiter, slot, waiter, ticket),
          (reason: unknown) => waiter.failed(reason),
        );
      return undefined;
    }
    const ticket = ticketOf(slot.action, quota, taken);
    const now = limiter.tryAcquire(slot.weight);
    if (now) return now;
    queue(limiter, slot, waiter, ticket);
    return undefined;
  };

  /**
   * A slot of the call's limiter: now (no promise, no timer hop) or once one is free. A first
   * attempt (not `priority`) that the engine did not admit takes its quota first, as `admit` does.
   * Throws for a weight that can never fit and for a spent quota.
   */
  const slotFor = (slot: SlotRequest, priority: boolean): Permit | Promise<Permit> => {
    const { action, weight } = slot;
    const { limiter, quota } = limiterFor(slot);
    if (quota && !priority) {
      const taken = quota.take();
      const acquired = (t: QuotaTake) => {
        const ticket = ticketOf(action, quota, t);
        return new Promise<Permit>((resolve, reject) => {
          queue(limiter, slot, { weight, granted: resolve, failed: reject }, ticket);
        });
      };
      return taken instanceof Promise ? taken.then(acquired) : acquired(taken);
    }
    const now = priority ? undefined : limiter.tryAcquire(weight);
    if (now) return now;
    const waiting = limiter.acquire(weight, { signal: slot.signal, priority });
    // A queued call holds nothing more than the limiter's waiter unless something needs it.
    if (!ctx.events.wants('throttle')) return waiting;
    const started = clock.now();
    return waiting.then((permit) => {
      ctx.events.emit('throttle', { action, scopeKey: slot.scopeKey, waitedMs: clock.now() - started });
      return permit;
    });
  };

  /** When each quota'd action was last sent by this client: a refusal right after another is about the second, not the day. */
  const lastSent = new Map<string, number>();

  const interceptor: Interceptor = (next) => (call) => {
    const limit = limits.get(call.action);
    const { state } = call;

    /** Whether this attempt's action went out alone in its second (for an action with a daily quota). */
    let alone = false;

    const answered = (outcome: Outcome): Outcome | Promise<Outcome> => {
      if (outcome.category !== 'rate-limited') return outcome;
      if (alone && limit) {
        // Refused although nothing else of it went out in that second: the day's quota is spent
        // elsewhere (another system of the app). Requeued, it would only be refused again.
        const quota = ctx.limiters.quota(call.action, limit);
        if (quota) {
          quota.spent(QUOTA_PROBE_MS);
          throw new ZimQuotaError({
            action: call.action,
            quota: quota.limit,
            retryAfterMs: QUOTA_PROBE_MS,
            refusedWith: outcome.code,
            attempts: state.attempts,
          });
        }
      }
      if (state.requeues >= maxRequeues) {
        state.giveUp = 'max-requeues';
        return outcome;
      }
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
      ctx.events.emit(
        'rateLimited',
        {
          action: call.action,
          scopeKey: call.scopeKey,
          code: outcome.code,
          pauseMs,
          requeues: state.requeues,
        },
        call,
      );
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
