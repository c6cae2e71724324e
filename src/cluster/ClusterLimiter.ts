import type { Clock } from '../core/Clock.js';
import { sleep } from '../core/sleep.js';
import { ADAPT_HOLD_MS } from '../limits/adaptiveRate.js';
import type { AcquireOptions, Limiter, OnAdapt, Permit } from '../limits/Limiter.js';
import type { ResolvedLimit } from '../limits/LimitSpec.js';
import { QueueBoundExceeded } from '../limits/QueueBoundExceeded.js';
import { SlidingWindowLimiter, type Window } from '../limits/SlidingWindowLimiter.js';
import { windowsOf } from '../limits/windowsOf.js';
import { GrantedSlots, type SlotPermit } from './GrantedSlots.js';
import type { RedisCoordinator } from './RedisCoordinator.js';
import { type SharedGrant, SharedWindow, type Units } from './SharedWindow.js';
import { shareOf } from './shareOf.js';
import { type Wait, WaitQueue } from './WaitQueue.js';

/** How often a pump looks again while its client is rejoining (the end of a rejoin also wakes it). */
const REJOIN_POLL_MS = 50;

/**
 * How much later than a freed slot a process whose next call is below priority 0 (a job's) asks
 * Redis for it: the fleet's direct calls, asking at once, get freed slots first.
 */
const LOW_PRIORITY_YIELD_MS = 20;

/** Calls asked for in one round trip to Redis. */
const BATCH = 32;

/** How long `close()` waits for slots in flight to be released (their calls were aborted). */
const CLOSE_GRACE_MS = 1000;

/**
 * How long a unit in flight stays taken in Redis without a renewal (renewed every quarter of it
 * while its call is in flight): two windows, at least 2 s.
 */
const leaseOf = (windowMs: number) => Math.max(2000, 2 * windowMs);

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
  /** The main window (the second), then the burst window if the limit has one. */
  readonly #windows: readonly Window[];
  readonly #window: Window;
  readonly #leaseMs: number;
  readonly #coordinator: RedisCoordinator;
  readonly #clock: Clock;
  readonly #onIdle: () => void;
  /** Told the fleet's learned rate after each refusal of this process (its probes up are the fleet's, in Redis). */
  readonly #onAdapt: OnAdapt | undefined;
  readonly #unsubscribe: () => void;
  readonly #unsubscribeRejoin: () => void;
  readonly #slots: GrantedSlots;
  readonly #queue = new WaitQueue(() => this.#interrupt());
  /** Aborted to make the pump look again (a change of health, an abort, a priority call, close). */
  #interruptServe: AbortController | undefined;
  #pumping = false;
  #sharedWindow: SharedWindow | undefined;
  #local: SlidingWindowLimiter | undefined;
  #lastToken = 0;
  #pausedUntil = 0;
  #closed: { reason: unknown } | undefined;

  constructor(
    key: string,
    limit: ResolvedLimit,
    coordinator: RedisCoordinator,
    clock: Clock,
    onIdle: () => void,
    onAdapt?: OnAdapt,
  ) {
    this.#onAdapt = onAdapt;
    this.#key = key;
    this.#windows = windowsOf(limit);
    this.#window = this.#windows[0]!;
    this.#leaseMs = leaseOf(this.#window.ms);
    this.#coordinator = coordinator;
    this.#clock = clock;
    this.#onIdle = onIdle;
    this.#slots = new GrantedSlots(clock, this.#windows, this.#leaseMs, () => this.#checkIdle());
    this.#unsubscribe = coordinator.onChange(() => this.#interrupt());
    this.#unsubscribeRejoin = coordinator.onRejoin(async (all) => {
      const shared = this.#shared();
      if (shared) await this.#slots.recordIn(shared, all);
    });
  }

  get pending(): number {
    return this.#queue.size;
  }

  tryAcquire(weight: number): Permit | undefined {
    const c = this.#coordinator;
    if (this.#closed || !c.decided || c.healthy || c.rejoining || c.fatal || this.#queue.size > 0)
      return undefined;
    if (this.#clock.now() < this.#pausedUntil) return undefined;
    const local = this.#localLimiter().tryAcquire(weight);
    return local && this.#slots.grant(weight, this.#nextToken(), undefined, local);
  }

  acquire(weight: number, options: AcquireOptions = {}): Promise<Permit> {
    if (this.#closed) return Promise.reject(this.#closed.reason);
    const { signal, requeued = false, priority = 0, maxWaitMs } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (weight > Math.min(...this.#windows.map((w) => w.capacity)))
      return Promise.reject(new RangeError(`a call of weight ${weight} can never fit this limit`));
    let bound: Parameters<WaitQueue['add']>[4];
    if (maxWaitMs !== undefined && Number.isFinite(maxWaitMs)) {
      // The fleet's window is in Redis: the estimate is this process's queue ahead at the limit
      // (and a pause); a wait the fleet makes longer is refused when its bound passes.
      const estimate = () => {
        const ahead = this.#queue.unitsFrom(priority);
        const laps = Math.floor((ahead.units + weight - 1) / this.#window.capacity);
        const paused = Math.max(0, this.#pausedUntil - this.#clock.now());
        return { queued: ahead.calls, ms: paused + laps * (this.#window.ms + 1) };
      };
      const now = estimate();
      if (now.ms > maxWaitMs) return Promise.reject(new QueueBoundExceeded(now.queued, now.ms, maxWaitMs));
      const reason = () => {
        const later = estimate();
        return new QueueBoundExceeded(later.queued, later.ms, maxWaitMs);
      };
      bound = { ms: maxWaitMs, reason, clock: this.#clock };
    }
    const permit = this.#queue.add(weight, signal, requeued, priority, bound);
    if (requeued || priority > 0) this.#interrupt();
    this.#pump();
    return permit;
  }

  /**
   * Slows the whole fleet for this limit (the learned rate in Redis, see `adaptScripts.ts`), and
   * the local share. Never says it holds the next grant back (Redis answers later): the throttle
   * pauses too.
   */
  slowDown(): boolean {
    this.#local?.slowDown();
    if (this.#coordinator.healthy)
      this.#shared()
        ?.slowDown(ADAPT_HOLD_MS + this.#window.ms) // the hold starts after the throttle's pause
        .then(
          (rate) => this.#onAdapt?.(rate, 'refused'),
          () => {},
        );
    return false;
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
    this.#queue.rejectAll(reason);
    this.#local?.close(reason);
    await this.#slots.close(CLOSE_GRACE_MS);
  }

  #pump(): void {
    if (this.#pumping || this.#closed) return;
    this.#pumping = true;
    void this.#run().finally(() => {
      this.#pumping = false;
      if (this.#queue.first()) this.#pump();
      else this.#checkIdle();
    });
  }

  async #run(): Promise<void> {
    for (let head = this.#queue.first(); head && !this.#closed; head = this.#queue.first()) {
      const interrupt = new AbortController();
      this.#interruptServe = interrupt;
      try {
        await this.#serve(head, interrupt.signal);
      } catch (error) {
        if (interrupt.signal.aborted || this.#closed) continue;
        if (this.#coordinator.fatal) this.#queue.rejectAll(error);
        else head.reject(error);
      }
    }
  }

  /** Serves the head once, or waits for what it needs; the pump then looks again. */
  async #serve(head: Wait, interrupted: AbortSignal): Promise<void> {
    const c = this.#coordinator;
    if (!c.decided) return c.whenDecided(interrupted);
    if (c.fatal) throw c.fatal.error;
    const now = this.#clock.now();
    if (now < this.#pausedUntil) {
      this.#queue.holds++;
      return sleep(this.#pausedUntil - now, this.#clock, interrupted);
    }
    if (!c.healthy) {
      if (c.rejoining) return sleep(REJOIN_POLL_MS, this.#clock, interrupted); // its end interrupts too
      const local = await this.#localPermit(head.weight, interrupted);
      if (c.rejoining || c.healthy) {
        // Granted after a rejoin began: its recording of the local slots has already taken them,
        // so this one would be missing in Redis. Given back (counted locally a window: the safe side).
        local.release();
        return;
      }
      return this.#deliver(head, this.#slots.grant(head.weight, this.#nextToken(), undefined, local));
    }
    const shared = this.#shared()!;
    try {
      await this.#slots.recordIn(shared);
    } catch (error) {
      return c.reportFailure(error);
    }
    if (c.settled) return this.#serveShared(shared, interrupted);
    // Back on Redis, but some clients may still count alone: a slot from both.
    const local = await this.#localPermit(head.weight, interrupted);
    const token = this.#nextToken();
    try {
      if (await this.#sharedSlot(shared, head.weight, token, interrupted))
        return this.#deliver(head, this.#slots.grant(head.weight, token, shared, local));
    } catch (error) {
      local.release(); // counted a window, locally: on the safe side
      throw error;
    }
    local.release();
  }

  /** Every client is back on Redis: the first waits in one round trip, from Redis alone. */
  async #serveShared(shared: SharedWindow, interrupted: AbortSignal): Promise<void> {
    this.#local?.close(new Error('replaced by the shared limiter'));
    this.#local = undefined;
    const batch = this.#queue.firstN(BATCH);
    const calls = batch.map((w) => ({ weight: w.weight, token: this.#nextToken() }));
    const grant = await this.#ask(shared, calls);
    if (!grant) return; // Redis failed: the pump goes local at once
    for (let i = 0; i < grant.granted; i++)
      this.#deliver(batch[i]!, this.#slots.grant(calls[i]!.weight, calls[i]!.token, shared));
    // the rest wait for the window (not after an answer that granted nothing for another reason: a
    // stale epoch, a late run, which ask again at once)
    if (grant.granted > 0 ? grant.granted < batch.length : grant.waitMs > 0) this.#queue.holds++;
    if (grant.granted > 0) return;
    const yieldMs = batch[0]!.priority < 0 ? LOW_PRIORITY_YIELD_MS : 0;
    return sleep(grant.waitMs + yieldMs, this.#clock, interrupted);
  }

  /**
   * One acquire in Redis. Undefined when it failed (reported: the pump goes local); its units are
   * then cancelled, in case Redis runs it later (it was only slow or frozen). A Redis that lost its
   * keys (another epoch) first gets this client's slots again, then asks again; an acquire run
   * past its deadline took nothing, and Redis, frozen meanwhile, counts as lost.
   */
  async #ask(shared: SharedWindow, calls: readonly Units[]): Promise<SharedGrant | undefined> {
    const c = this.#coordinator;
    let grant: SharedGrant;
    try {
      grant = await shared.acquireMany(calls);
    } catch (error) {
      c.reportFailure(error);
      shared.cancel(calls).catch(() => {});
      return undefined;
    }
    if (grant.late) {
      c.reportLate();
      return undefined;
    }
    if (grant.stale) {
      try {
        await c.adoptEpoch(grant.epoch);
      } catch (error) {
        c.reportFailure(error);
        return undefined;
      }
      return { granted: 0, waitMs: 0, epoch: grant.epoch };
    }
    await c.adoptEpoch(grant.epoch);
    return grant;
  }

  /** A local slot now, or once the local limiter grants one. */
  async #localPermit(weight: number, interrupted: AbortSignal): Promise<Permit> {
    const local = this.#localLimiter();
    const now = local.tryAcquire(weight);
    if (now) return now;
    this.#queue.holds++;
    return local.acquire(weight, { signal: interrupted });
  }

  /** Takes `weight` units in Redis under `token`, waiting as long as Redis says; false if Redis failed. */
  async #sharedSlot(
    shared: SharedWindow,
    weight: number,
    token: string,
    interrupted: AbortSignal,
  ): Promise<boolean> {
    for (;;) {
      const grant = await this.#ask(shared, [{ weight, token }]);
      if (!grant) return false; // the pump goes local at once
      if (grant.granted > 0) return true;
      this.#queue.holds++;
      await sleep(grant.waitMs, this.#clock, interrupted);
    }
  }

  #deliver(wait: Wait, permit: SlotPermit): void {
    // a slot granted without the window holding it back is no wait (the `throttle` event)
    if (wait.joinedAt === this.#queue.holds) (permit as { waited?: boolean }).waited = false;
    if (!wait.resolve(permit))
      permit.cancel(); // aborted meanwhile: nothing was sent, the slot frees at once
    else this.#queue.granted(wait);
  }

  #nextToken(): string {
    return `${this.#coordinator.id}:${++this.#lastToken}`;
  }

  #shared(): SharedWindow | undefined {
    const redis = this.#coordinator.redis;
    if (!redis) return undefined;
    const c = this.#coordinator;
    const leaseMs = this.#leaseMs;
    // After Redis lost its keys, nothing for long enough that every unit still held anywhere
    // is recorded again: released ones expire within a window, those in flight are renewed.
    const quietMs = this.#window.ms + leaseMs / 2 + 200;
    this.#sharedWindow ??= new SharedWindow(
      redis,
      c.idFor(this.#key),
      c.idFor('epoch'),
      this.#windows,
      { leaseMs, quietMs },
      c,
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
    const windows = this.#windows.map((w) => shareOf(w, this.#coordinator.share));
    const window = windows[0]!;
    const local = new SlidingWindowLimiter(windows, this.#clock, () => this.#checkIdle());
    // Other clients may have taken more than their share of the last window through Redis, which
    // this one cannot see: nothing new until that window has passed.
    if (this.#coordinator.everShared) local.hold(window.capacity, this.#window.ms + 1);
    this.#slots.countIn(local);
    const now = this.#clock.now();
    if (now < this.#pausedUntil) local.pause(this.#pausedUntil - now);
    this.#local = local;
    return local;
  }

  #interrupt(): void {
    this.#interruptServe?.abort();
  }

  #checkIdle(): void {
    const local = this.#local;
    if (this.#slots.any || this.#queue.size > 0 || this.#pumping) return;
    if (!local || (local.held === 0 && local.pending === 0)) this.#onIdle();
  }
}
