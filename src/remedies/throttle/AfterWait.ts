import type { Clock } from '../../core/Clock.js';
import type { EventSink } from '../../events/EventSink.js';
import type { Permit, SlotWaiter } from '../../limits/Limiter.js';
import type { QuotaTicket } from '../../limits/Quota.js';
import type { SlotRequest } from './SlotRequest.js';

/**
 * Emits `throttle` once a queued slot is granted, then tells the caller's waiter; a wait that
 * fails gives its quota back.
 * @internal
 */
export class AfterWait implements SlotWaiter {
  readonly weight: number;
  readonly #started: number;
  constructor(
    readonly slot: SlotRequest,
    readonly waiter: SlotWaiter,
    readonly clock: Clock,
    readonly events: EventSink,
    readonly ticket: QuotaTicket | undefined,
  ) {
    this.weight = slot.weight;
    this.#started = clock.now();
  }
  granted(permit: Permit): void {
    const { slot, events } = this;
    if (events.wants('throttle')) {
      const waitedMs = this.clock.now() - this.#started;
      events.emit('throttle', { action: slot.action, scopeKey: slot.scopeKey, waitedMs }, slot.call);
    }
    this.waiter.granted(permit);
  }
  failed(reason: unknown): void {
    this.ticket?.giveBack(); // nothing was sent
    this.waiter.failed(reason);
  }
}
