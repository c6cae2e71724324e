import type { Clock } from '../../core/Clock.js';
import { ZimError } from '../../errors/ZimError.js';
import { ZimQuotaError } from '../../errors/ZimQuotaError.js';
import type { EventSink } from '../../events/EventSink.js';
import type { Limiter, Permit, SlotWaiter } from '../../limits/Limiter.js';
import type { LimiterRegistry } from '../../limits/LimiterRegistry.js';
import type { Quota, QuotaTake, QuotaTicket } from '../../limits/Quota.js';
import { AfterWait } from './AfterWait.js';
import type { SlotRequest } from './SlotRequest.js';

/** The ticket of a quota take, or the `ZimQuotaError` of a spent quota. */
const ticketOf = (action: string, quota: Quota, taken: QuotaTake): QuotaTicket => {
  if ('ticket' in taken) return taken.ticket;
  throw new ZimQuotaError({ action, quota: quota.limit, retryAfterMs: taken.retryAfterMs });
};

/**
 * How the throttle takes limiter slots.
 * @internal
 */
export interface Slots {
  /** The call's limiter (and quota), after the check that fails fast: a weight that can never fit. */
  limiterFor(slot: SlotRequest): { limiter: Limiter; quota: Quota | undefined };
  /**
   * A slot for a call's first attempt, for the engine's fast path: returned now, or `undefined`
   * once `waiter` is queued (it is then told, once). A call of an action with a daily quota takes
   * one call of it first, before any wait: a spent quota fails at once (`ZimQuotaError`, thrown
   * or told), and a call that is never sent gives it back. Throws for a weight that can never fit.
   */
  admit(slot: SlotRequest, waiter: SlotWaiter): Permit | undefined;
  /**
   * A slot: now (no promise, no timer hop) or once one is free; a `priority` one (a retry or
   * requeue) goes ahead of new calls. A first attempt (not `priority`) that the engine did not
   * admit takes its quota first, as `admit` does.
   */
  slotFor(slot: SlotRequest, priority: boolean): Permit | Promise<Permit>;
}

/**
 * The slots of one client's limiters.
 * @internal
 */
export function slots(limiters: LimiterRegistry, clock: Clock, events: EventSink): Slots {
  const limiterFor = (slot: SlotRequest): { limiter: Limiter; quota: Quota | undefined } => {
    const { action, limit, weight } = slot;
    if (weight > limit.burst) {
      const message = `${action} asks for ${weight} units but its limit is ${limit.burst} at once; split the call`;
      throw new ZimError(message, { action });
    }
    const quota = limiters.quota(action, limit);
    const limiter = limiters.get(action, limit.scope === 'app' ? undefined : slot.scopeKey, limit);
    return { limiter, quota };
  };

  /** Queues `waiter` for a slot of `limiter`; a wait that fails gives `ticket` back. */
  const queue = (
    limiter: Limiter,
    slot: SlotRequest,
    waiter: SlotWaiter,
    ticket: QuotaTicket | undefined,
    requeued = false,
  ) => {
    const told =
      ticket || events.wants('throttle') ? new AfterWait(slot, waiter, clock, events, ticket) : undefined;
    const options = {
      signal: slot.signal,
      priority: slot.priority,
      requeued,
      maxWaitMs: requeued ? undefined : slot.maxWaitMs,
    };
    const target = told ?? waiter;
    if (limiter.enqueue) limiter.enqueue(target, options);
    else
      limiter.acquire(slot.weight, options).then(
        (permit) => target.granted(permit),
        (reason: unknown) => target.failed(reason),
      );
    if (told) told.entered = true;
  };

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

  const slotFor = (slot: SlotRequest, priority: boolean): Permit | Promise<Permit> => {
    const { action, weight } = slot;
    const { limiter, quota } = limiterFor(slot);
    if (quota && !priority) {
      const taken = quota.take();
      const acquired = (t: QuotaTake) => {
        const ticket = ticketOf(action, quota, t);
        return new Promise<Permit>((resolve, reject) => {
          queue(limiter, slot, { weight, granted: resolve, failed: reject }, ticket, false);
        });
      };
      return taken instanceof Promise ? taken.then(acquired) : acquired(taken);
    }
    const now = priority ? undefined : limiter.tryAcquire(weight);
    if (now) return now;
    return new Promise<Permit>((resolve, reject) => {
      queue(limiter, slot, { weight, granted: resolve, failed: reject }, undefined, priority);
    });
  };

  return { limiterFor, admit, slotFor };
}
