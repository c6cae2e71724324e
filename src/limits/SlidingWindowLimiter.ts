import { afterAtLeast } from '../core/afterAtLeast.js';
import type { Clock } from '../core/Clock.js';
import { onAbort } from '../core/onAbort.js';
import type { AcquireOptions, Limiter, Permit, SlotWaiter } from './Limiter.js';

/** At most `capacity` units in any `ms` milliseconds. */
export interface Window {
  readonly capacity: number;
  readonly ms: number;
}

/** `acquire()`'s waiter: a promise's resolvers. */
class PromiseWaiter implements SlotWaiter {
  constructor(
    readonly weight: number,
    readonly granted: (permit: Permit) => void,
    readonly failed: (reason: unknown) => void,
  ) {}
}

/**
 * An exact sliding-window limiter, in process. A unit is held from the moment it is granted
 * until `window.ms` after its answer arrived: the server saw the call somewhere between the two,
 * so no sliding window of the server's can ever hold more than `capacity`, whatever the latency.
 * A grant that finds a free slot is synchronous: no timer hop, no promise.
 */
export class SlidingWindowLimiter implements Limiter {
  readonly #windows: readonly { capacity: number; ms: number; held: number }[];
  readonly #clock: Clock;
  readonly #onIdle: (() => void) | undefined;
  /** Waiters in order; the slots before `#head` are emptied, and those in `#cancelled` are skipped. */
  #queue: (SlotWaiter | undefined)[] = [];
  #head = 0;
  /** Priority waiters (retries and requeues), first come first served, ahead of `#queue`. */
  #urgent: SlotWaiter[] = [];
  /** The abort listeners of waiters that came with a signal (nothing is kept for those without). */
  readonly #listening = new Map<SlotWaiter, () => void>();
  /** Waiters whose signal aborted while they were in `#queue` (skipped when reached). */
  readonly #cancelled = new WeakSet<SlotWaiter>();
  #pausedUntil = 0;
  /** Units granted per main window while slowed down; `Infinity` when not. */
  #ceiling = Number.POSITIVE_INFINITY;
  /** When the ceiling was last lowered: at most once per window. */
  #slowedAt = Number.NEGATIVE_INFINITY;
  /** When the ceiling was last raised (or lowered): it rises one step per window without a refusal. */
  #raisedAt = 0;
  /** Cancels the timer that drains the queue when the pause ends. */
  #pauseTimer: (() => void) | undefined;
  readonly #timers = new Set<() => void>();
  #closed: { reason: unknown } | undefined;

  constructor(windows: readonly Window[], clock: Clock, onIdle?: () => void) {
    this.#windows = windows.map((w) => ({ capacity: w.capacity, ms: w.ms, held: 0 }));
    this.#clock = clock;
    this.#onIdle = onIdle;
  }

  get pending(): number {
    return this.#queue.length - this.#head + this.#urgent.length;
  }

  /** Units held now in the tightest window (for tests and metrics). */
  get held(): number {
    return Math.max(...this.#windows.map((w) => w.held));
  }

  tryAcquire(weight: number): Permit | undefined {
    if (this.#closed || this.pending > 0 || !this.#fits(weight)) return undefined;
    return this.#grant(weight);
  }

  acquire(weight: number, options: AcquireOptions = {}): Promise<Permit> {
    return new Promise<Permit>((resolve, reject) => {
      this.enqueue(new PromiseWaiter(weight, resolve, reject), options);
    });
  }

  enqueue(waiter: SlotWaiter, options: AcquireOptions = {}): void {
    const { signal, priority } = options;
    const { weight } = waiter;
    const refused = this.#closed
      ? this.#closed.reason
      : signal?.aborted
        ? signal.reason
        : weight > Math.min(...this.#windows.map((w) => w.capacity))
          ? new RangeError(`a call of weight ${weight} can never fit this limit`)
          : undefined;
    if (refused !== undefined) {
      waiter.failed(refused);
      return;
    }
    const permit = priority
      ? this.#urgent.length === 0 && this.#fits(weight)
        ? this.#grant(weight)
        : undefined
      : this.tryAcquire(weight);
    if (permit) {
      waiter.granted(permit);
      return;
    }
    if (signal) {
      const unlisten = onAbort(signal, () => {
        if (!this.#listening.delete(waiter)) return; // granted or closed meanwhile
        if (priority) this.#urgent.splice(this.#urgent.indexOf(waiter), 1);
        else this.#cancelled.add(waiter);
        waiter.failed(signal.reason);
        this.#drain();
      });
      this.#listening.set(waiter, unlisten);
    }
    if (priority) this.#urgent.push(waiter);
    else this.#queue.push(waiter);
    this.#drain();
  }

  /**
   * The server refused calls within the limit (its limit is lower, or other clients share it):
   * grant a fifth of the limit fewer per window (at least one). However many calls were refused,
   * that happens at most once per window: twenty refusals of one burst are one signal, not twenty.
   * Each window without a refusal gives a tenth of the limit back (at least one), up to the limit;
   * the first such window starts when the pause ends.
   */
  slowDown(): void {
    const now = this.#clock.now();
    const main = this.#windows[0]!;
    if (now - this.#slowedAt < main.ms) return;
    this.#ceiling = Math.max(
      1,
      Math.min(this.#ceiling, main.capacity) - Math.max(1, Math.round(main.capacity / 5)),
    );
    this.#slowedAt = now;
    this.#raisedAt = Math.max(now, this.#pausedUntil); // the first window at the lower rate starts after the pause
  }

  /** What each window without a refusal gives back. */
  #step(): number {
    return Math.max(1, Math.floor(this.#windows[0]!.capacity / 10));
  }

  /**
   * Counts `weight` units as taken, beyond the limit if need be: slots this process took
   * elsewhere (through Redis, before a failover). With `ms` they free `ms` from now; without,
   * as a grant's do, one window after the permit is released.
   */
  hold(weight: number, ms?: number): Permit {
    const permit = this.#grant(weight);
    if (ms === undefined) return permit;
    for (const w of this.#windows) this.#releaseAfter(w, weight, Math.min(ms, w.ms + 1));
    return { release: () => {} };
  }

  pause(ms: number): void {
    const until = this.#clock.now() + ms;
    if (until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    this.#pauseTimer?.();
    // afterAtLeast: a timer that fired a little early would find the limiter still paused and
    // wake nobody, leaving its waiters until some other timer drained it (or until their deadline).
    this.#pauseTimer = afterAtLeast(this.#clock, ms, () => {
      this.#pauseTimer = undefined;
      this.#drain();
    });
  }

  close(reason: unknown): void {
    if (this.#closed) return;
    this.#closed = { reason };
    for (const cancel of this.#timers) cancel();
    this.#timers.clear();
    this.#pauseTimer?.();
    const waiting = [...this.#urgent, ...(this.#queue.slice(this.#head) as SlotWaiter[])];
    this.#urgent = [];
    this.#queue = [];
    this.#head = 0;
    for (const waiter of waiting) if (this.#settle(waiter)) waiter.failed(reason);
  }

  #fits(weight: number): boolean {
    const now = this.#clock.now();
    if (now < this.#pausedUntil) return false;
    const main = this.#windows[0]!;
    if (this.#ceiling < Number.POSITIVE_INFINITY && now - this.#raisedAt >= main.ms) {
      // a step back per window without a refusal, up to the limit
      const windows = Math.floor((now - this.#raisedAt) / main.ms);
      const ceiling = this.#ceiling + windows * this.#step();
      this.#ceiling = ceiling >= main.capacity ? Number.POSITIVE_INFINITY : ceiling;
      this.#raisedAt += windows * main.ms;
    }
    if (main.held + weight > this.#ceiling) return false;
    for (const w of this.#windows) if (w.held + weight > w.capacity) return false;
    return true;
  }

  #grant(weight: number): Permit {
    for (const w of this.#windows) w.held += weight;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        for (const w of this.#windows) this.#releaseAfter(w, weight, w.ms + 1);
      },
    };
  }

  /** Frees `weight` units of `w` once `ms` have passed. */
  #releaseAfter(w: { held: number }, weight: number, ms: number): void {
    if (this.#closed) return;
    const cancel = afterAtLeast(this.#clock, ms, () => {
      this.#timers.delete(cancel);
      w.held -= weight;
      this.#drain();
      if (this.pending === 0 && this.held === 0) this.#onIdle?.();
    });
    this.#timers.add(cancel);
  }

  #drain(): void {
    while (this.#urgent.length > 0) {
      const waiter = this.#urgent[0]!;
      if (!this.#fits(waiter.weight)) return; // nothing jumps ahead of a priority waiter
      this.#urgent.shift();
      if (this.#settle(waiter)) waiter.granted(this.#grant(waiter.weight));
    }
    while (this.#head < this.#queue.length) {
      const waiter = this.#queue[this.#head]!;
      if (this.#cancelled.has(waiter)) {
        this.#queue[this.#head++] = undefined; // let it go now
        continue;
      }
      if (!this.#fits(waiter.weight)) break;
      this.#queue[this.#head++] = undefined;
      if (this.#settle(waiter)) waiter.granted(this.#grant(waiter.weight));
    }
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) this.#compact();
  }

  /** Removes the waiter's abort listener, if it has one; false if it was cancelled. */
  #settle(waiter: SlotWaiter): boolean {
    if (this.#listening.size > 0) {
      const unlisten = this.#listening.get(waiter);
      if (unlisten) {
        this.#listening.delete(waiter);
        unlisten();
      }
    }
    return !this.#cancelled.has(waiter);
  }

  #compact(): void {
    this.#queue = this.#queue.slice(this.#head);
    this.#head = 0;
  }
}
