import { afterAtLeast } from '../core/afterAtLeast.js';
import type { Clock } from '../core/Clock.js';
import type { Permit } from '../limits/Limiter.js';
import type { SlidingWindowLimiter } from '../limits/SlidingWindowLimiter.js';
import type { SharedWindow } from './SharedWindow.js';

/**
 * A slot a limiter granted, remembered until its window has passed: a failover counts it in
 * the new local limiter, a return to Redis records it there if Redis does not know it yet.
 */
interface Slot {
  readonly weight: number;
  readonly token: string;
  /** The shared window that holds it (granted through Redis, or recorded there since). */
  redis: SharedWindow | undefined;
  releasedAt: number | undefined;
  /** Its hold in a local limiter made after it was granted. */
  local: Permit | undefined;
}

/**
 * The slots one cluster limiter granted in the last window, wherever they were taken. A slot is
 * held from its grant until one window after its release (in Redis too, when it is there).
 */
export class GrantedSlots {
  readonly #clock: Clock;
  readonly #windowMs: number;
  readonly #holdLimitMs: number;
  readonly #onFree: () => void;
  readonly #slots = new Set<Slot>();
  /** Releases sent to Redis and not answered yet. */
  readonly #releases = new Set<Promise<void>>();
  readonly #cancelFrees = new Set<() => void>();
  #inFlight = 0;
  #onAllReleased: (() => void) | undefined;
  #closed = false;

  /** `onFree` runs when a slot's window has passed. */
  constructor(clock: Clock, windowMs: number, holdLimitMs: number, onFree: () => void) {
    this.#clock = clock;
    this.#windowMs = windowMs;
    this.#holdLimitMs = holdLimitMs;
    this.#onFree = onFree;
  }

  /** Whether any slot is still within its window. */
  get any(): boolean {
    return this.#slots.size > 0;
  }

  /**
   * The permit of a new slot, held in Redis (`redis`) and/or in the local limiter (`local`). Its
   * release frees both one window later.
   */
  grant(weight: number, token: string, redis: SharedWindow | undefined, local?: Permit): Permit {
    const slot: Slot = { weight, token, redis, releasedAt: undefined, local };
    this.#slots.add(slot);
    this.#inFlight++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        slot.releasedAt = this.#clock.now();
        slot.local?.release();
        if (--this.#inFlight === 0) this.#onAllReleased?.();
        if (!this.#closed) {
          const cancel = afterAtLeast(this.#clock, this.#windowMs + 1, () => {
            this.#cancelFrees.delete(cancel);
            this.#slots.delete(slot);
            this.#onFree();
          });
          this.#cancelFrees.add(cancel);
        }
        if (!slot.redis) return;
        const done = slot.redis
          .release(weight, token)
          .catch(() => {}) // Redis gone: the slot expires there by its hold limit
          .finally(() => this.#releases.delete(done));
        this.#releases.add(done);
      },
    };
  }

  /** Records in `redis` the slots taken while it was away that are still within their window. */
  async recordIn(redis: SharedWindow): Promise<void> {
    const holds: Promise<void>[] = [];
    for (const slot of this.#slots) {
      if (slot.redis) continue;
      const ms = slot.releasedAt === undefined ? this.#holdLimitMs : this.#freesAt(slot) - this.#clock.now();
      // Marked first: a release from now on goes to Redis too, after this hold on the same connection.
      slot.redis = redis;
      if (ms > 0) holds.push(redis.hold(slot.weight, slot.token, ms));
    }
    await Promise.all(holds);
  }

  /** Counts every slot in a new local limiter, until one window after its release. */
  countIn(local: SlidingWindowLimiter): void {
    const now = this.#clock.now();
    for (const slot of this.#slots) {
      slot.local?.release(); // held by an older local limiter
      if (slot.releasedAt === undefined) slot.local = local.hold(slot.weight);
      else if (this.#freesAt(slot) > now) local.hold(slot.weight, this.#freesAt(slot) - now);
    }
  }

  /**
   * Stops counting windows (their timers are cleared), then waits up to `graceMs` for the slots
   * whose calls are in flight to be released, and for Redis to have those releases.
   */
  async close(graceMs: number): Promise<void> {
    this.#closed = true;
    for (const cancel of this.#cancelFrees) cancel();
    this.#cancelFrees.clear();
    if (this.#inFlight > 0)
      await new Promise<void>((resolve) => {
        const timer = this.#clock.setTimeout(() => this.#onAllReleased?.(), graceMs);
        this.#onAllReleased = () => {
          this.#onAllReleased = undefined;
          this.#clock.clearTimeout(timer);
          resolve();
        };
      });
    await Promise.all(this.#releases);
  }

  #freesAt(slot: Slot): number {
    return slot.releasedAt! + this.#windowMs + 1;
  }
}
