import { afterAtLeast } from '../core/afterAtLeast.js';
import type { Clock } from '../core/Clock.js';
import type { Permit } from '../limits/Limiter.js';
import type { SlidingWindowLimiter, Window } from '../limits/SlidingWindowLimiter.js';
import type { SharedWindow } from './SharedWindow.js';

/**
 * A slot a limiter granted, remembered until its windows have passed: a failover counts it in
 * the new local limiter, a return to Redis (or a Redis that lost its keys) records it there.
 */
interface Slot {
  readonly weight: number;
  readonly token: string;
  /** The shared window that holds it (granted through Redis, or recorded there since). */
  redis: SharedWindow | undefined;
  releasedAt: number | undefined;
  /** When its lease in Redis last started (its grant, a hold or a renewal). */
  leasedAt: number;
  /** Its hold in a local limiter made after it was granted. */
  local: Permit | undefined;
}

/** A granted slot's permit; `cancel()` gives it back at once, for a call that was never sent. */
export interface SlotPermit extends Permit {
  cancel(): void;
}

/**
 * The slots one cluster limiter granted in the last window, wherever they were taken. A slot is
 * held from its grant until one window after its release (in Redis too, when it is there). In
 * Redis a slot in flight holds only a lease, renewed here while the call is in flight: a unit
 * whose process is gone, or that no caller took, frees by itself soon after.
 */
export class GrantedSlots {
  readonly #clock: Clock;
  readonly #windows: readonly Window[];
  /** The longest window: a slot is forgotten that long after its release. */
  readonly #windowMs: number;
  readonly #leaseMs: number;
  readonly #onFree: () => void;
  readonly #slots = new Set<Slot>();
  /** Releases sent to Redis and not answered yet. */
  readonly #releases = new Set<Promise<void>>();
  readonly #cancelFrees = new Set<() => void>();
  #renewTimer: (() => void) | undefined;
  #inFlight = 0;
  #onAllReleased: (() => void) | undefined;
  #closed = false;

  /** `onFree` runs when a slot's window has passed. */
  constructor(clock: Clock, windows: readonly Window[], leaseMs: number, onFree: () => void) {
    this.#clock = clock;
    this.#windows = windows;
    this.#windowMs = Math.max(...windows.map((w) => w.ms));
    this.#leaseMs = leaseMs;
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
  grant(weight: number, token: string, redis: SharedWindow | undefined, local?: Permit): SlotPermit {
    const slot: Slot = {
      weight,
      token,
      redis,
      releasedAt: undefined,
      leasedAt: this.#clock.now(),
      local,
    };
    this.#slots.add(slot);
    this.#inFlight++;
    if (redis) this.#renewSoon();
    let released = false;
    const settle = () => {
      if (released) return false;
      released = true;
      if (--this.#inFlight === 0) this.#onAllReleased?.();
      return true;
    };
    return {
      release: () => {
        if (!settle()) return;
        slot.releasedAt = this.#clock.now();
        slot.local?.release();
        if (!this.#closed) {
          const cancel = afterAtLeast(this.#clock, this.#windowMs + 1, () => {
            this.#cancelFrees.delete(cancel);
            this.#slots.delete(slot);
            this.#onFree();
          });
          this.#cancelFrees.add(cancel);
        }
        if (slot.redis) this.#track(slot.redis.release(slot));
      },
      cancel: () => {
        if (!settle()) return;
        this.#slots.delete(slot);
        slot.local?.release(); // a local unit frees a window later: the local limiter keeps no other way
        if (slot.redis) this.#track(slot.redis.cancel([slot]));
        this.#onFree();
      },
    };
  }

  /**
   * Records in `redis` the slots taken while it was away that are still within their window;
   * with `all`, every slot (Redis lost its keys).
   */
  async recordIn(redis: SharedWindow, all = false): Promise<void> {
    const holds: Promise<void>[] = [];
    const now = this.#clock.now();
    for (const slot of this.#slots) {
      if (slot.redis && !all) continue;
      // Marked first: a release from now on goes to Redis too, after this hold on the same connection.
      slot.redis = redis;
      if (slot.releasedAt === undefined) {
        slot.leasedAt = now;
        holds.push(
          redis.hold(
            slot,
            this.#windows.map(() => this.#leaseMs),
          ),
        );
        this.#renewSoon();
        continue;
      }
      const left = this.#windows.map((w) => slot.releasedAt! + w.ms + 1 - now);
      if (left.some((ms) => ms > 0)) holds.push(redis.hold(slot, left));
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
    this.#renewTimer?.();
    this.#renewTimer = undefined;
    await Promise.all(this.#releases);
  }

  #track(command: Promise<void>): void {
    const done = command
      .catch(() => {}) // Redis gone: the unit frees there with its lease or window
      .finally(() => this.#releases.delete(done));
    this.#releases.add(done);
  }

  /** Renews, every quarter lease, the lease of slots in flight through Redis for a quarter lease or more. */
  #renewSoon(): void {
    if (this.#renewTimer || this.#closed) return;
    const every = this.#leaseMs / 4;
    this.#renewTimer = afterAtLeast(this.#clock, every, () => {
      this.#renewTimer = undefined;
      const now = this.#clock.now();
      const due = new Map<SharedWindow, Slot[]>();
      let inFlight = false;
      for (const slot of this.#slots) {
        if (slot.releasedAt !== undefined || !slot.redis) continue;
        inFlight = true;
        if (now - slot.leasedAt < every) continue;
        slot.leasedAt = now;
        const list = due.get(slot.redis) ?? [];
        list.push(slot);
        due.set(slot.redis, list);
      }
      for (const [redis, slots] of due) this.#track(redis.renew(slots));
      if (inFlight) this.#renewSoon();
    });
  }

  #freesAt(slot: Slot): number {
    return slot.releasedAt! + this.#windowMs + 1;
  }
}
