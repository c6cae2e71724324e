import type { Clock } from '../../core/Clock.js';
import type { EventSink } from '../../events/EventSink.js';
import type { Permit, SlotWaiter } from '../../limits/Limiter.js';
import type { QuotaTicket } from '../../limits/Quota.js';
import type { SlotRequest } from './SlotRequest.js';

/**
 * Emits `throttle` once a slot is granted to a call that had to wait for it, then tells the
 * caller's waiter; a wait that fails gives its quota back. "Had to wait" means the same in
 * process and through Redis: not granted while it was being queued (`entered`), and not a slot the
 * limiter says was free when asked (`permit.waited === false`: a round trip to Redis is no wait).
 * @internal
 */
export class AfterWait implements SlotWaiter {
  readonly weight: number;
  readonly #started: number;
  /** Set once the limiter has queued it: a grant before that found a free slot. */
  entered = false;
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
    if (this.entered && permit.waited !== false && events.wants('throttle')) {
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
