import { afterAtLeast } from '../core/afterAtLeast.js';
import type { Clock } from '../core/Clock.js';
import { sleep } from '../core/sleep.js';
import type { AcquireOptions, Limiter, Permit } from '../limits/Limiter.js';
import type { ResolvedLimit } from '../limits/LimitSpec.js';
import { SlidingWindowLimiter, type Window } from '../limits/SlidingWindowLimiter.js';
import { windowsOf } from '../limits/windowsOf.js';
import type { RedisCoordinator } from './RedisCoordinator.js';
import { SharedWindow } from './SharedWindow.js';
import { shareOf } from './shareOf.js';

interface Wait {
  readonly weight: number;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (permit: Permit) => void;
  readonly reject: (reason: unknown) => void;
  onAbort: (() => void) | undefined;
  done: boolean;
}

/**
 * A slot this limiter granted, remembered until its window has passed: a failover counts it in
 * the new local limiter, a return to Redis records it there if Redis does not know it yet.
 */
interface Slot {
  readonly weight: number;
  readonly token: string;
  /** Whether Redis holds it (granted through Redis, or recorded there since). */
  inRedis: boolean;
  releasedAt: number | undefined;
  /** Its hold in a local limiter made after it was granted. */
  local: Permit | undefined;
}

/** How often a pump looks again while its client is rejoining (the end of a rejoin also wakes it). */
const REJOIN_POLL_MS = 50;

/** Calls asked for in one round trip to Redis. */
const BATCH = 32;

/** How long `close()` waits for slots in flight to be released (their calls were aborted). */
const CLOSE_GRACE_MS = 1000;

/**
 * A limit shared by every client of an AppId through Redis (an exact sliding window there, see
 * `SharedWindow`). Calls queue here, in order (priority first), and one pump serves the head:
 * - before Redis has answered once, it waits (up to `connectTimeoutMs`): the fleet shares one
 *   budget from its first call;
 * - while Redis is gone, from a local limiter at the coordinator's share of the limit, which
 *   starts with the slots this process took through Redis in the last window already counted;
 * - back on Redis, the slots taken locally in the last window are recorded there first; until
 *   every client is back (`coordinator.settled`) a call takes a slot from both, then from Redis
 *   alone. So the two never overlap, in this process or across the fleet.
 * A change of health interrupts the pump, so queued calls follow it at once, keeping their order.
 */
export class ClusterLimiter implements Limiter {
  readonly #key: string;
  readonly #window: Window;
  readonly #coordinator: RedisCoordinator;
  readonly #clock: Clock;
  readonly #onIdle: () => void;
  readonly #holdLimitMs: number;
  readonly #unsubscribe: () => void;
  readonly #unsubscribeRejoin: () => void;
  readonly #slots = new Set<Slot>();
  readonly #releases = new Set<Promise<void>>();
  #queue: Wait[] = [];
  #head = 0;
  #waiting = 0;
  #kick: AbortController | undefined;
  #pumping = false;
  #sharedWindow: SharedWindow | undefined;
  #local: SlidingWindowLimiter | undefined;
  #held = 0;
  #tokens = 0;
  #pausedUntil = 0;
  #closed: { reason: unknown } | undefined;

  constructor(
    key: string,
    limit: ResolvedLimit,
    coordinator: RedisCoordinator,
    clock: Clock,
    holdLimitMs: number,
    onIdle: () => void,
  ) {
    this.#key = key;
    this.#window = windowsOf(limit)[0]!;
    this.#coordinator = coordinator;
    this.#clock = clock;
    this.#holdLimitMs = holdLimitMs;
    this.#onIdle = onIdle;
    this.#unsubscribe = coordinator.onChange(() => this.#interrupt());
    this.#unsubscribeRejoin = coordinator.onRejoin(async () => {
      const shared = this.#shared();
      if (shared) await this.#recordLocalSlots(shared);
    });
  }

  get pending(): number {
    return this.#waiting;
  }

  tryAcquire(weight: number): Permit | undefined {
    const c = this.#coordinator;
    if (this.#closed || !c.decided || c.healthy || c.rejoining || c.fatal || this.#waiting > 0)
      return undefined;
    if (this.#clock.now() < this.#pausedUntil) return undefined;
    const permit = this.#localLimiter().tryAcquire(weight);
    return permit && this.#permit(weight, `${c.id}:${++this.#tokens}`, undefined, permit);
  }

  acquire(weight: number, options: AcquireOptions = {}): Promise<Permit> {
    if (this.#closed) return Promise.reject(this.#closed.reason);
    const { signal, priority } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (weight > this.#window.capacity)
      return Promise.reject(new RangeError(`a call of weight ${weight} can never fit this limit`));
    return new Promise<Permit>((resolve, reject) => {
      const wait: Wait = { weight, signal, resolve, reject, onAbort: undefined, done: false };
      if (signal) {
        wait.onAbort = () => {
          if (this.#settle(wait)) reject(signal.reason);
          this.#interrupt();
        };
        signal.addEventListener('abort', wait.onAbort, { once: true });
      }
      this.#waiting++;
      if (priority) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
        this.#queue.unshift(wait);
        this.#interrupt();
      } else {
        this.#queue.push(wait);
      }
      this.#pump();
    });
  }

  /** Slows the whole fleet for this limit (its ceiling in Redis, one less per refusal), and the local share. */
  slowDown(): void {
    this.#local?.slowDown();
    if (this.#coordinator.healthy)
      this.#shared()
        ?.slowDown()
        .catch(() => {});
  }

  /** Pauses the whole fleet for this limit (a key with that time to live in Redis), and this process. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + ms);
    this.#local?.pause(ms);
    if (this.#coordinator.healthy)
      this.#shared()
        ?.pause(ms)
        .catch(() => {});
    this.#interrupt();
  }

  /**
   * Rejects every waiter. Slots taken in Redis keep their own expiry there (one window after
   * their answer), so this does not wait for windows to pass; only for the release of slots whose
   * calls were in flight (at most a second), so that Redis learns when they ended.
   */
  async close(reason: unknown): Promise<void> {
    if (this.#closed) return;
    this.#closed = { reason };
    this.#unsubscribe();
    this.#unsubscribeRejoin();
    this.#interrupt();
    for (let i = this.#head; i < this.#queue.length; i++) {
      const wait = this.#queue[i]!;
      if (this.#settle(wait)) wait.reject(reason);
    }
    this.#queue = [];
    this.#head = 0;
    this.#local?.close(reason);
    const deadline = this.#clock.now() + CLOSE_GRACE_MS;
    while ([...this.#slots].some((s) => s.releasedAt === undefined) && this.#clock.now() < deadline)
      await sleep(10, this.#clock);
    await Promise.all(this.#releases);
  }

  #pump(): void {
    if (this.#pumping || this.#closed) return;
    this.#pumping = true;
    void this.#run().finally(() => {
      this.#pumping = false;
      if (this.#first()) this.#pump();
      else this.#checkIdle();
    });
  }

  async #run(): Promise<void> {
    for (let head = this.#first(); head && !this.#closed; head = this.#first()) {
      const kick = new AbortController();
      this.#kick = kick;
      try {
        await this.#serve(head, kick.signal);
      } catch (error) {
        if (kick.signal.aborted || this.#closed) continue;
        if (this.#coordinator.fatal) {
          for (let w = this.#first(); w; w = this.#first()) if (this.#settle(w)) w.reject(error);
        } else if (this.#settle(head)) head.reject(error);
      }
    }
  }

  /** Serves the head once, or waits for what it needs; the pump then looks again. */
  async #serve(head: Wait, kick: AbortSignal): Promise<void> {
    const c = this.#coordinator;
    if (!c.decided) return c.whenDecided(kick);
    if (c.fatal) throw c.fatal.error;
    const now = this.#clock.now();
    if (now < this.#pausedUntil) return sleep(this.#pausedUntil - now, this.#clock, kick);
    const token = `${c.id}:${++this.#tokens}`;
    if (!c.healthy) {
      if (c.rejoining) return sleep(REJOIN_POLL_MS, this.#clock, kick); // its end kicks the pump
      const local = await this.#localPermit(head.weight, kick);
      return this.#deliver(head, this.#permit(head.weight, token, undefined, local));
    }
    const shared = this.#shared()!;
    try {
      await this.#recordLocalSlots(shared);
    } catch (error) {
      return c.reportFailure(error);
    }
    if (c.settled) {
      this.#local?.close(new Error('replaced by the shared limiter'));
      this.#local = undefined;
      const batch = this.#firstWaits(BATCH);
      const calls = batch.map((w) => ({ weight: w.weight, token: `${c.id}:${++this.#tokens}` }));
      let grant: { granted: number; waitMs: number };
      try {
        grant = await shared.acquireMany(calls);
      } catch (error) {
        return c.reportFailure(error); // the pump goes local at once
      }
      if (grant.granted === 0) return sleep(grant.waitMs, this.#clock, kick);
      for (let i = 0; i < grant.granted; i++)
        this.#deliver(batch[i]!, this.#permit(calls[i]!.weight, calls[i]!.token, shared));
      return;
    }
    // Back on Redis, but some clients may still count alone: a slot from both.
    const local = await this.#localPermit(head.weight, kick);
    try {
      if (await this.#sharedSlot(shared, head.weight, token, kick))
        return this.#deliver(head, this.#permit(head.weight, token, shared, local));
    } catch (error) {
      local.release(); // counted a window, locally: on the safe side
      throw error;
    }
    local.release();
  }

  /** A local slot now, or once the local limiter grants one. */
  async #localPermit(weight: number, kick: AbortSignal): Promise<Permit> {
    const local = this.#localLimiter();
    return local.tryAcquire(weight) ?? local.acquire(weight, { signal: kick });
  }

  /** Takes `weight` units in Redis under `token`, waiting as long as Redis says; false if Redis failed. */
  async #sharedSlot(
    shared: SharedWindow,
    weight: number,
    token: string,
    kick: AbortSignal,
  ): Promise<boolean> {
    for (;;) {
      let grant: { granted: boolean; waitMs: number };
      try {
        grant = await shared.acquire(weight, token);
      } catch (error) {
        this.#coordinator.reportFailure(error); // the pump goes local at once
        return false;
      }
      if (grant.granted) return true;
      await sleep(grant.waitMs, this.#clock, kick);
    }
  }

  /** Records in Redis the slots taken while it was away that are still within their window. */
  async #recordLocalSlots(shared: SharedWindow): Promise<void> {
    const now = this.#clock.now();
    const holds: Promise<void>[] = [];
    for (const slot of this.#slots) {
      if (slot.inRedis) continue;
      const ms =
        slot.releasedAt === undefined ? this.#holdLimitMs : slot.releasedAt + this.#window.ms + 1 - now;
      // Marked first: a release from now on goes to Redis too, after this hold on the same connection.
      slot.inRedis = true;
      if (ms > 0) holds.push(shared.hold(slot.weight, slot.token, ms));
    }
    await Promise.all(holds);
  }

  #deliver(wait: Wait, permit: Permit): void {
    if (this.#settle(wait)) wait.resolve(permit);
    else permit.release(); // aborted meanwhile: the slot was taken, it frees a window later
  }

  /**
   * The permit of one slot: held in Redis (when `shared`) and/or in the local limiter (`local`).
   * Its release frees both one window later, and is counted for idleness.
   */
  #permit(weight: number, token: string, shared: SharedWindow | undefined, local?: Permit): Permit {
    const slot: Slot = { weight, token, inRedis: shared !== undefined, releasedAt: undefined, local };
    this.#slots.add(slot);
    this.#held += weight;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        slot.releasedAt = this.#clock.now();
        slot.local?.release();
        afterAtLeast(this.#clock, this.#window.ms + 1, () => {
          this.#slots.delete(slot);
          this.#held -= weight;
          this.#checkIdle();
        });
        const redis = slot.inRedis ? this.#shared() : undefined;
        if (!redis) return;
        const done = redis
          .release(weight, token)
          .catch(() => {}) // Redis gone: the slot expires there by its hold limit
          .finally(() => this.#releases.delete(done));
        this.#releases.add(done);
      },
    };
  }

  #shared(): SharedWindow | undefined {
    const redis = this.#coordinator.redis;
    if (!redis) return undefined;
    this.#sharedWindow ??= new SharedWindow(
      redis,
      this.#coordinator.idFor(this.#key),
      this.#window.capacity,
      this.#window.ms,
      this.#holdLimitMs,
    );
    return this.#sharedWindow;
  }

  /**
   * The local limiter at this process's share. After a failover it starts full for one window
   * (the fleet's slots of the last window are unknown), and the slots this process took through
   * Redis stay counted until one window after their answer.
   */
  #localLimiter(): SlidingWindowLimiter {
    if (this.#local) return this.#local;
    const window = shareOf(this.#window, this.#coordinator.share);
    const local = new SlidingWindowLimiter([window], this.#clock, () => this.#localWentIdle());
    const now = this.#clock.now();
    // Other clients may have taken more than their share of the last window through Redis, which
    // this one cannot see: nothing new until that window has passed.
    if (this.#coordinator.everShared) local.hold(window.capacity, this.#window.ms + 1);
    for (const slot of this.#slots) {
      slot.local?.release(); // held by an older local limiter
      if (slot.releasedAt === undefined) slot.local = local.hold(slot.weight);
      else if (slot.releasedAt + this.#window.ms + 1 > now)
        local.hold(slot.weight, slot.releasedAt + this.#window.ms + 1 - now);
    }
    if (now < this.#pausedUntil) local.pause(this.#pausedUntil - now);
    this.#local = local;
    return local;
  }

  #localWentIdle(): void {
    this.#checkIdle();
  }

  /** Up to `n` waits from the head, in order. */
  #firstWaits(n: number): Wait[] {
    const waits: Wait[] = [];
    for (let i = this.#head; i < this.#queue.length && waits.length < n; i++) {
      const wait = this.#queue[i]!;
      if (!wait.done) waits.push(wait);
    }
    return waits;
  }

  #first(): Wait | undefined {
    while (this.#head < this.#queue.length && this.#queue[this.#head]!.done) this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    return this.#queue[this.#head];
  }

  #interrupt(): void {
    this.#kick?.abort();
  }

  #settle(wait: Wait): boolean {
    if (wait.done) return false;
    wait.done = true;
    this.#waiting--;
    if (wait.onAbort) wait.signal?.removeEventListener('abort', wait.onAbort);
    return true;
  }

  #checkIdle(): void {
    const local = this.#local;
    if (this.#held > 0 || this.#waiting > 0 || this.#pumping) return;
    if (!local || (local.held === 0 && local.pending === 0)) this.#onIdle();
  }
}
