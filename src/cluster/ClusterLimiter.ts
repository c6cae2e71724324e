import type Bottleneck from 'bottleneck';
import { afterAtLeast } from '../core/afterAtLeast.js';
import type { Clock } from '../core/Clock.js';
import { sleep } from '../core/sleep.js';
import type { AcquireOptions, Limiter, Permit } from '../limits/Limiter.js';
import type { ResolvedLimit } from '../limits/LimitSpec.js';
import { SlidingWindowLimiter } from '../limits/SlidingWindowLimiter.js';
import { windowsOf } from '../limits/windowsOf.js';
import type { RedisCoordinator } from './RedisCoordinator.js';

/**
 * Tells Redis this client is gone, so Bottleneck does not pick it to take freed capacity (it waits
 * a second for a client that never answers). Bottleneck has no public call for it.
 */
async function leaveCluster(shared: Bottleneck): Promise<void> {
  const store = (
    shared as unknown as {
      _store?: { clientId?: string; runScript?: (n: string, a: unknown[]) => Promise<unknown> };
    }
  )._store;
  if (store?.runScript && store.clientId)
    await store.runScript('blacklist_client', [store.clientId]).catch(() => {});
}

interface Wait {
  readonly weight: number;
  readonly options: AcquireOptions;
  readonly resolve: (permit: Permit) => void;
  readonly reject: (reason: unknown) => void;
  settled: boolean;
}

/**
 * A limit shared by every process through Bottleneck's Redis clustering. A slot is a Bottleneck
 * job of `maxConcurrent` capacity that stays running until one window after the answer arrived,
 * so the sliding-window guarantee of the local limiter holds across processes. While Redis is
 * unreachable, calls go through a local limiter at the coordinator's share of the limit; waits
 * queued in Redis move there at once. Back on Redis, it returns once the local slots are free,
 * so the two never overlap.
 */
export class ClusterLimiter implements Limiter {
  readonly #limit: ResolvedLimit;
  readonly #windowMs: number;
  readonly #coordinator: RedisCoordinator;
  readonly #clock: Clock;
  readonly #onIdle: () => void;
  readonly #id: string;
  readonly #holdLimitMs: number;
  readonly #waits = new Set<Wait>();
  readonly #unsubscribe: () => void;
  #shared: Bottleneck | undefined;
  #local: SlidingWindowLimiter | undefined;
  #localIdle: (() => void)[] = [];
  #held = 0;
  #pausedUntil = 0;
  #closed: { reason: unknown } | undefined;

  constructor(
    id: string,
    limit: ResolvedLimit,
    coordinator: RedisCoordinator,
    clock: Clock,
    holdLimitMs: number,
    onIdle: () => void,
  ) {
    this.#id = id;
    this.#limit = limit;
    this.#windowMs = windowsOf(limit)[0]!.ms;
    this.#coordinator = coordinator;
    this.#clock = clock;
    this.#holdLimitMs = holdLimitMs;
    this.#onIdle = onIdle;
    this.#unsubscribe = coordinator.onChange((healthy) => {
      if (!healthy) for (const wait of this.#waits) this.#moveToLocal(wait);
    });
  }

  get pending(): number {
    return this.#waits.size + (this.#local?.pending ?? 0);
  }

  tryAcquire(weight: number): Permit | undefined {
    if (this.#coordinator.healthy || this.#closed || this.#clock.now() < this.#pausedUntil) return undefined;
    const permit = this.#localLimiter().tryAcquire(weight);
    return permit && this.#counted(weight, permit.release);
  }

  async acquire(weight: number, options: AcquireOptions = {}): Promise<Permit> {
    if (this.#closed) throw this.#closed.reason;
    if (this.#clock.now() < this.#pausedUntil)
      await sleep(this.#pausedUntil - this.#clock.now(), this.#clock, options.signal);
    if (!this.#coordinator.healthy || !this.#coordinator.bottleneck)
      return this.#acquireLocal(weight, options);
    if (this.#local && !this.#dropLocalIfIdle()) await this.#whenLocalIdle(options.signal);
    return new Promise<Permit>((resolve, reject) => {
      const wait: Wait = { weight, options, resolve, reject, settled: false };
      this.#waits.add(wait);
      const { signal } = options;
      const onAbort = () => this.#settle(wait) && reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const job = () =>
        new Promise<void>((done) => {
          signal?.removeEventListener('abort', onAbort);
          if (!this.#settle(wait)) return done(); // aborted, closed or moved to local meanwhile
          resolve(this.#counted(weight, () => afterAtLeast(this.#clock, this.#windowMs + 1, done)));
        });
      this.#sharedLimiter()
        .schedule({ weight, priority: options.priority ? 0 : 5, expiration: this.#holdLimitMs }, job)
        .catch(() => this.#moveToLocal(wait)); // Redis failed under the job: keep the call going locally
    });
  }

  /** Slows only the local share: the shared budget's size is fixed in Redis (Bottleneck's updateSettings disturbs it). */
  slowDown(): void {
    this.#local?.slowDown();
  }

  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + ms);
    this.#local?.pause(ms);
  }

  async close(reason: unknown): Promise<void> {
    if (this.#closed) return;
    this.#closed = { reason };
    this.#unsubscribe();
    for (const wait of this.#waits) if (this.#settle(wait)) wait.reject(reason);
    this.#local?.close(reason);
    const shared = this.#shared;
    if (!shared) return;
    // stop() resolves once running jobs are done: ours end one window after their answer, and
    // only then may other processes use those slots.
    await shared.stop({ dropWaitingJobs: true }).catch(() => {});
    await leaveCluster(shared);
    await shared.disconnect(false);
  }

  #sharedLimiter(): Bottleneck {
    if (!this.#shared) {
      const { Bottleneck: B, connection } = this.#coordinator.bottleneck!;
      this.#shared = new B({
        id: this.#coordinator.idFor(this.#id),
        datastore: 'ioredis',
        connection,
        maxConcurrent: windowsOf(this.#limit)[0]!.capacity,
        timeout: 15 * 60_000, // keys of an idle limiter expire
        clearDatastore: false,
      });
      this.#shared.on('error', () => {});
    }
    return this.#shared;
  }

  #localLimiter(): SlidingWindowLimiter {
    if (!this.#local) {
      const share = this.#coordinator.share;
      const perSecond = this.#limit.perSecond * share;
      const local = { ...this.#limit, perSecond, burst: Math.max(1, Math.floor(perSecond)) };
      this.#local = new SlidingWindowLimiter(windowsOf(local), this.#clock, () => this.#localWentIdle());
      if (this.#clock.now() < this.#pausedUntil) this.#local.pause(this.#pausedUntil - this.#clock.now());
    }
    return this.#local;
  }

  #acquireLocal(weight: number, options: AcquireOptions): Promise<Permit> {
    return this.#localLimiter()
      .acquire(weight, options)
      .then((permit) => this.#counted(weight, permit.release));
  }

  #moveToLocal(wait: Wait): void {
    if (!this.#settle(wait)) return;
    this.#acquireLocal(wait.weight, wait.options).then(wait.resolve, wait.reject);
  }

  #localWentIdle(): void {
    if (this.#coordinator.healthy) this.#dropLocalIfIdle();
    this.#checkIdle();
  }

  /** Back on Redis: drops the local limiter once nothing it granted is still within its window. */
  #dropLocalIfIdle(): boolean {
    const local = this.#local;
    if (local && (local.held > 0 || local.pending > 0)) return false;
    local?.close(new Error('replaced by the shared limiter'));
    this.#local = undefined;
    for (const resolve of this.#localIdle.splice(0)) resolve();
    return true;
  }

  #whenLocalIdle(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#localIdle.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  #counted(weight: number, release: () => unknown): Permit {
    this.#held += weight;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        release();
        afterAtLeast(this.#clock, this.#windowMs + 1, () => {
          this.#held -= weight;
          this.#checkIdle();
        });
      },
    };
  }

  #settle(wait: Wait): boolean {
    if (wait.settled) return false;
    wait.settled = true;
    this.#waits.delete(wait);
    return true;
  }

  #checkIdle(): void {
    if (this.#held === 0 && this.pending === 0 && !this.#local) this.#onIdle();
  }
}
