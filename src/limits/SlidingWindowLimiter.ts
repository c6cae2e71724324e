import { afterAtLeast } from '../core/afterAtLeast.js';
import type { Clock } from '../core/Clock.js';
import { onAbort } from '../core/onAbort.js';
import { ADAPT_HOLD_MS, loweredRate, raisedRate } from './adaptiveRate.js';
import type { AcquireOptions, Limiter, OnAdapt, Permit, SlotWaiter } from './Limiter.js';
import { LOW_PRIORITY_SHARE } from './priorities.js';
import { QueueBoundExceeded } from './QueueBoundExceeded.js';
import { WaitLane } from './WaitLane.js';

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
 *
 * Waiters are served by priority (higher first; requeued ones first within one), but every
 * `LOW_PRIORITY_SHARE`-th grant while lower priorities wait goes to the lowest. The rate it grants
 * is learned from refusals (`slowDown`): see `adaptiveRate.ts`.
 */
export class SlidingWindowLimiter implements Limiter {
  readonly #windows: readonly { capacity: number; ms: number; held: number }[];
  readonly #clock: Clock;
  readonly #onIdle: (() => void) | undefined;
  readonly #onAdapt: OnAdapt | undefined;
  /** The lanes with waiters, highest priority first (usually one). */
  #lanes: WaitLane[] = [];
  #pending = 0;
  /** Grants in a row to a lane above the lowest waiting one (the starvation share). */
  #aboveLowest = 0;
  /** The abort (and bound) listeners of waiters that have one (nothing is kept for the others). */
  readonly #listening = new Map<SlotWaiter, () => void>();
  /** Waiters that left a lane's `queue` early (aborted, bound passed): skipped when reached. */
  readonly #cancelled = new WeakSet<SlotWaiter>();
  /** When the main window's released units free: times and units, in order (from `#freeHead`). */
  #freeAt: number[] = [];
  #freeUnits: number[] = [];
  #freeHead = 0;
  #pausedUntil = 0;
  /** Units granted per main window as learned from refusals; `Infinity` when at the limit. */
  #ceiling = Number.POSITIVE_INFINITY;
  /** The learned rate after the last refusal, and when it starts probing up. */
  #base = Number.POSITIVE_INFINITY;
  #raiseFrom = 0;
  /** The window of refusals in progress: when it began, the rate and the units held then, refusals so far. */
  #burstAt = Number.NEGATIVE_INFINITY;
  #burstBefore = 0;
  #burstHeld = 0;
  #burstRefusals = 0;
  /** Cancels the timer that drains the queue when the pause ends. */
  #pauseTimer: (() => void) | undefined;
  readonly #timers = new Set<() => void>();
  #closed: { reason: unknown } | undefined;

  constructor(windows: readonly Window[], clock: Clock, onIdle?: () => void, onAdapt?: OnAdapt) {
    this.#windows = windows.map((w) => ({ capacity: w.capacity, ms: w.ms, held: 0 }));
    this.#clock = clock;
    this.#onIdle = onIdle;
    this.#onAdapt = onAdapt;
  }

  get pending(): number {
    return this.#pending;
  }

  /** Units held now in the tightest window (for tests and metrics). */
  get held(): number {
    return Math.max(...this.#windows.map((w) => w.held));
  }

  /** Units this limiter grants per main window now: the limit, or less as learned from refusals. */
  get rate(): number {
    this.#learned(this.#clock.now());
    return Math.min(this.#ceiling, this.#windows[0]!.capacity);
  }

  tryAcquire(weight: number): Permit | undefined {
    if (this.#closed || this.#pending > 0 || !this.#fits(weight)) return undefined;
    return this.#grant(weight);
  }

  acquire(weight: number, options: AcquireOptions = {}): Promise<Permit> {
    return new Promise<Permit>((resolve, reject) => {
      this.enqueue(new PromiseWaiter(weight, resolve, reject), options);
    });
  }

  enqueue(waiter: SlotWaiter, options: AcquireOptions = {}): void {
    const { signal, requeued = false, priority = 0, maxWaitMs } = options;
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
    const bounded = maxWaitMs !== undefined && Number.isFinite(maxWaitMs);
    if (bounded) {
      const waitMs = this.estimateMs(weight, priority);
      if (waitMs > maxWaitMs) {
        waiter.failed(new QueueBoundExceeded(this.#ahead(priority), waitMs, maxWaitMs));
        return;
      }
    }
    const permit = this.#freeFor(weight, priority, requeued);
    if (permit) {
      waiter.granted(permit);
      return;
    }
    const lane = this.#laneOf(priority) ?? this.#addLane(priority);
    if (signal || bounded) {
      const leave = (reason: unknown) => {
        if (!this.#listening.delete(waiter)) return; // granted or closed meanwhile
        unlisten();
        if (requeued) lane.urgent.splice(lane.urgent.indexOf(waiter), 1);
        else this.#cancelled.add(waiter);
        this.#left(lane, weight);
        waiter.failed(reason);
        this.#drain();
      };
      const unSignal = signal ? onAbort(signal, () => leave(signal.reason)) : undefined;
      const unTimer = bounded
        ? afterAtLeast(this.#clock, maxWaitMs, () =>
            leave(
              new QueueBoundExceeded(this.#ahead(priority), this.estimateMs(weight, priority), maxWaitMs),
            ),
          )
        : undefined;
      const unlisten = () => {
        unSignal?.();
        unTimer?.();
      };
      this.#listening.set(waiter, unlisten);
    }
    if (requeued) lane.urgent.push(waiter);
    else lane.queue.push(waiter);
    lane.live++;
    lane.units += weight;
    this.#pending++;
    this.#drain();
  }

  /**
   * When a new waiter of `weight` at `priority` would be granted, from now (0: at once), from
   * the queue ahead of it (every waiter of its priority or higher) and the main window: when its
   * held units free (those in flight one window from now, at the soonest), the learned rate and
   * a pause. An estimate for the starvation share and the burst window, which it leaves out.
   */
  estimateMs(weight: number, priority = 0): number {
    const now = this.#clock.now();
    this.#learned(now);
    const main = this.#windows[0]!;
    const capacity = Math.min(this.#ceiling, main.capacity);
    let units = weight;
    for (const lane of this.#lanes) if (lane.priority >= priority) units += lane.units;
    const pausedUntil = Math.max(now, this.#pausedUntil);
    // The units-th grant from now: the j-th (1-based) needs held + j - capacity units freed first;
    // one granted later frees again one window (and a millisecond) after it.
    const cycle = main.ms + 1;
    const laps = Math.floor((units - 1) / capacity);
    const j = units - laps * capacity;
    const k = main.held + j - capacity; // the k-th free it waits for
    let at = now;
    if (k > 0) {
      at = now + cycle; // units in flight free one window after their answer, at the soonest
      let freed = 0;
      for (let i = this.#freeHead; i < this.#freeAt.length; i++) {
        freed += this.#freeUnits[i]!;
        if (freed >= k) {
          at = this.#freeAt[i]!;
          break;
        }
      }
    }
    return Math.max(at, pausedUntil) + laps * cycle - now;
  }

  /** Calls waiting that a new one at `priority` would wait behind. */
  #ahead(priority: number): number {
    let n = 0;
    for (const lane of this.#lanes) if (lane.priority >= priority) n += lane.live;
    return n;
  }

  /**
   * The server refused calls within the limit (its limit is lower, or another system spends it):
   * the rate drops to what the server took of this window's calls, at most halved (see
   * `loweredRate`), holds for `ADAPT_HOLD_MS` after any pause, then probes up (see `raisedRate`).
   */
  slowDown(): boolean {
    const now = this.#clock.now();
    const main = this.#windows[0]!;
    this.#learned(now);
    if (now - this.#burstAt >= main.ms) {
      this.#burstAt = now;
      this.#burstBefore = Math.min(this.#ceiling, main.capacity);
      this.#burstHeld = main.held;
      this.#burstRefusals = 0;
    }
    this.#burstRefusals++;
    const rate = loweredRate(this.#burstBefore, this.#burstHeld, this.#burstRefusals);
    this.#raiseFrom = Math.max(now, this.#pausedUntil) + ADAPT_HOLD_MS;
    if (rate !== this.#ceiling) {
      this.#ceiling = rate;
      this.#base = rate;
      this.#onAdapt?.(rate, 'refused');
    }
    return main.held >= rate;
  }

  /** Brings the learned rate up to date: it probes up by windows once its hold is over. */
  #learned(now: number): void {
    if (this.#ceiling === Number.POSITIVE_INFINITY || now < this.#raiseFrom) return;
    const main = this.#windows[0]!;
    const rate = raisedRate(this.#base, Math.floor((now - this.#raiseFrom) / main.ms), main.capacity);
    if (rate === this.#ceiling) return;
    this.#ceiling = rate;
    if (rate === Number.POSITIVE_INFINITY) this.#onAdapt?.(main.capacity, 'recovered');
    else this.#onAdapt?.(rate, 'probe');
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
    if (this.#ceiling !== Number.POSITIVE_INFINITY)
      this.#raiseFrom = Math.max(this.#raiseFrom, until + ADAPT_HOLD_MS); // the hold starts after the pause
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
    const waiting: SlotWaiter[] = [];
    for (const lane of this.#lanes) {
      waiting.push(...lane.urgent);
      for (let i = lane.head; i < lane.queue.length; i++) waiting.push(lane.queue[i]!);
    }
    this.#lanes = [];
    this.#pending = 0;
    for (const waiter of waiting) if (this.#settle(waiter)) waiter.failed(reason);
  }

  #laneOf(priority: number): WaitLane | undefined {
    for (const lane of this.#lanes) if (lane.priority === priority) return lane;
    return undefined;
  }

  #addLane(priority: number): WaitLane {
    const lane = new WaitLane(priority);
    const at = this.#lanes.findIndex((l) => l.priority < priority);
    if (at === -1) this.#lanes.push(lane);
    else this.#lanes.splice(at, 0, lane);
    return lane;
  }

  /** A waiter left `lane` without a grant. */
  #left(lane: WaitLane, weight: number): void {
    lane.live--;
    lane.units -= weight;
    this.#pending--;
  }

  /**
   * A slot now, if it fits and nothing waits ahead: no lane above `priority`, and in its own lane
   * no requeued waiter (nor, for a new call, any waiter).
   */
  #freeFor(weight: number, priority: number, requeued: boolean): Permit | undefined {
    if (this.#pending > 0) {
      for (const lane of this.#lanes) {
        if (lane.priority > priority && lane.live > 0) return undefined;
        if (lane.priority === priority && (lane.urgent.length > 0 || (!requeued && lane.live > 0)))
          return undefined;
      }
    }
    if (!this.#fits(weight)) return undefined;
    return this.#grant(weight);
  }

  #fits(weight: number): boolean {
    const now = this.#clock.now();
    if (now < this.#pausedUntil) return false;
    const main = this.#windows[0]!;
    if (this.#ceiling !== Number.POSITIVE_INFINITY) {
      this.#learned(now);
      if (main.held + weight > this.#ceiling) return false;
    }
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
    const main = w === this.#windows[0];
    if (main) {
      this.#freeAt.push(this.#clock.now() + ms);
      this.#freeUnits.push(weight);
    }
    const cancel = afterAtLeast(this.#clock, ms, () => {
      this.#timers.delete(cancel);
      w.held -= weight;
      if (main) this.#freed();
      this.#drain();
      if (this.#pending === 0 && this.held === 0) this.#onIdle?.();
    });
    this.#timers.add(cancel);
  }

  /** The oldest scheduled free of the main window happened. */
  #freed(): void {
    this.#freeHead++;
    if (this.#freeHead === this.#freeAt.length) {
      this.#freeAt.length = 0;
      this.#freeUnits.length = 0;
      this.#freeHead = 0;
    } else if (this.#freeHead > 1024 && this.#freeHead * 2 > this.#freeAt.length) {
      this.#freeAt = this.#freeAt.slice(this.#freeHead);
      this.#freeUnits = this.#freeUnits.slice(this.#freeHead);
      this.#freeHead = 0;
    }
  }

  /** The next waiter of `lane` (requeued ones first), dropping those cancelled; undefined if none. */
  #peek(lane: WaitLane): SlotWaiter | undefined {
    if (lane.urgent.length > 0) return lane.urgent[0];
    while (lane.head < lane.queue.length) {
      const waiter = lane.queue[lane.head]!;
      if (!this.#cancelled.has(waiter)) return waiter;
      lane.queue[lane.head++] = undefined; // let it go now
    }
    return undefined;
  }

  #take(lane: WaitLane, waiter: SlotWaiter): void {
    if (lane.urgent[0] === waiter) lane.urgent.shift();
    else lane.queue[lane.head++] = undefined;
    this.#left(lane, waiter.weight);
    if (lane.head > 1024 && lane.head * 2 > lane.queue.length) {
      lane.queue = lane.queue.slice(lane.head);
      lane.head = 0;
    }
  }

  #drain(): void {
    for (;;) {
      // drop the lanes nobody waits in any more
      if (this.#lanes.some((l) => l.live === 0)) this.#lanes = this.#lanes.filter((l) => l.live > 0);
      const lanes = this.#lanes;
      if (lanes.length === 0) return;
      const lowest = lanes[lanes.length - 1]!;
      // Nothing jumps ahead of the head of the lane served: the highest, or the lowest for its share.
      const lane = lanes.length > 1 && this.#aboveLowest >= LOW_PRIORITY_SHARE - 1 ? lowest : lanes[0]!;
      const waiter = this.#peek(lane);
      if (!waiter || !this.#fits(waiter.weight)) return;
      this.#take(lane, waiter);
      this.#aboveLowest = lane === lowest ? 0 : this.#aboveLowest + 1;
      if (this.#settle(waiter)) waiter.granted(this.#grant(waiter.weight));
    }
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
}
