import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EventSink } from '../events/EventSink.js';
import { loadIoredis } from './loadIoredis.js';
import type { ResolvedRedisOption } from './resolveRedisOption.js';
import { defineWindowScripts } from './SharedWindow.js';

const PROBE_MS = 1000;
/** A client whose heartbeat is older than this no longer counts as live. */
export const CLIENT_TTL_MS = 3000;
const DEFAULT_SHARE_CLIENTS = 4;
/** Reconnection attempts are at most this far apart, so every live client is back soon after Redis. */
const MAX_RECONNECT_MS = 250;
/** After joining late (Redis never answered before), how long until every live client must be back too (see `settled`). */
const SETTLE_MS = 800;
/** The heartbeat while waiting for the others to come back. */
const SETTLE_PROBE_MS = 200;

/**
 * The Redis side of one client: one ioredis connection, a heartbeat every second that also
 * counts the live clients of the AppId, and the health that decides whether limits are shared or
 * kept locally. Undecided at first: limiters wait (up to `connectTimeoutMs`) for Redis to answer,
 * so a fleet shares its budget from its first call. Any failure (closed, refused, a command slower
 * than `commandTimeoutMs`) switches to local at once; the next heartbeat that succeeds, back.
 * Back on Redis, it is `settled` only once every client seen before the loss has heartbeated
 * again (or `CLIENT_TTL_MS` passed; `SETTLE_MS` when Redis had never answered): until then
 * limiters keep to their local share as well, since some clients may still be counting alone.
 */
export class RedisCoordinator {
  readonly #options: ResolvedRedisOption;
  readonly #appId: number;
  readonly #events: EventSink;
  readonly #id = randomUUID();
  readonly #listeners = new Set<(healthy: boolean) => void>();
  readonly #decidedWaiters = new Set<() => void>();
  readonly #recorders = new Set<() => Promise<void>>();
  #client: Redis | undefined;
  #timer: NodeJS.Timeout | undefined;
  #connectTimer: NodeJS.Timeout | undefined;
  #healthy = false;
  #announced: boolean | undefined;
  #everHealthy = false;
  #clients: number | undefined;
  #clientsBeforeLoss: number | undefined;
  #settled = false;
  #rejoining = false;
  #settleTimer: NodeJS.Timeout | undefined;
  #settleProbe: NodeJS.Timeout | undefined;
  #fatal: { error: unknown } | undefined;
  #closed = false;
  readonly #started: Promise<void>;

  constructor(options: ResolvedRedisOption, appId: number, events: EventSink) {
    this.#options = options;
    this.#appId = appId;
    this.#events = events;
    this.#connectTimer = setTimeout(() => this.#setHealthy(false, 'unreachable'), options.connectTimeoutMs);
    this.#connectTimer.unref();
    this.#started = this.#start().catch((error) => {
      this.#fatal = { error };
      this.#decide();
    });
  }

  /** This client's id in Redis (its heartbeat member, the prefix of its slot tokens). */
  get id(): string {
    return this.#id;
  }

  /** Whether limits are shared through Redis now. */
  get healthy(): boolean {
    return this.#healthy;
  }

  /**
   * Healthy, and every client is back on Redis: the shared budget alone is enough. While healthy
   * but not settled, a limiter takes from both its local share and Redis.
   */
  get settled(): boolean {
    return this.#healthy && this.#settled;
  }

  /** Whether limits were ever shared through Redis (so other clients may hold slots this one cannot see). */
  get everShared(): boolean {
    return this.#everHealthy;
  }

  /**
   * Recording local slots in Redis before this client counts as back: a limiter grants nothing
   * locally meanwhile, or those grants could be missed there.
   */
  get rejoining(): boolean {
    return this.#rejoining;
  }

  /** Whether Redis answered, or `connectTimeoutMs` passed, or loading ioredis failed. */
  get decided(): boolean {
    return this.#announced !== undefined || this.#fatal !== undefined;
  }

  /** The error every call fails with when the cluster cannot work at all (ioredis missing). */
  get fatal(): { error: unknown } | undefined {
    return this.#fatal;
  }

  /** The connection limiters use; undefined until loaded. */
  get redis(): Redis | undefined {
    return this.#client;
  }

  /** The share of each limit a process keeps to while Redis is unreachable. */
  get share(): number {
    return this.#options.fallbackShare ?? 1 / (this.#clients ?? DEFAULT_SHARE_CLIENTS);
  }

  /** The Redis key prefix of a limiter key: namespaced by prefix and AppId, with a hash tag for Redis Cluster. */
  idFor(key: string): string {
    return `${this.#options.keyPrefix}:{${this.#appId}}:${key}`;
  }

  /** Calls `fn` with the new health whenever it changes. Returns the unsubscribe function. */
  onChange(fn: (healthy: boolean) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /**
   * Runs `fn` on every return to Redis, before this client's heartbeat counts it as back: a
   * limiter records there the slots it took alone, so no client settles without them. Returns
   * the unsubscribe function.
   */
  onRejoin(fn: () => Promise<void>): () => void {
    this.#recorders.add(fn);
    return () => this.#recorders.delete(fn);
  }

  /** Resolves once `decided` (at once if it is); rejects on abort, or with the fatal error. */
  whenDecided(signal?: AbortSignal): Promise<void> {
    if (this.#fatal) return Promise.reject(this.#fatal.error);
    if (this.decided) return Promise.resolve();
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        this.#decidedWaiters.delete(done);
        if (this.#fatal) reject(this.#fatal.error);
        else resolve();
      };
      const onAbort = () => {
        this.#decidedWaiters.delete(done);
        reject(signal?.reason);
      };
      this.#decidedWaiters.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** A limiter's command failed: Redis is treated as gone until a heartbeat succeeds. */
  reportFailure(error: unknown): void {
    this.#setHealthy(false, /timed? ?out/i.test(String(error)) ? 'slow' : 'lost');
  }

  async #start(): Promise<void> {
    const IORedis = await loadIoredis();
    if (this.#closed) return;
    const settings = {
      enableOfflineQueue: false,
      commandTimeout: this.#options.commandTimeoutMs,
      connectTimeout: this.#options.connectTimeoutMs,
      maxRetriesPerRequest: 0,
      retryStrategy: (times: number) => Math.min(100 * times, MAX_RECONNECT_MS),
    };
    const client = this.#options.client
      ? (this.#options.client as Redis).duplicate(settings)
      : new IORedis(this.#options.url!, settings);
    this.#client = client;
    defineWindowScripts(client);
    client.on('error', () => {}); // reported through the health state, never thrown
    client.on('close', () => this.#setHealthy(false, 'lost'));
    client.on('ready', () => void this.#probe());
    this.#timer = setInterval(() => void this.#probe(), PROBE_MS);
    this.#timer.unref();
  }

  async #probe(): Promise<void> {
    const client = this.#client;
    if (!client || this.#closed || client.status !== 'ready') return;
    const key = this.idFor('clients');
    const rejoining = !this.#healthy && this.#announced !== undefined;
    this.#rejoining = rejoining;
    try {
      if (rejoining) await Promise.all([...this.#recorders].map((record) => record()));
      const now = Date.now();
      const result = await client
        .multi()
        .zadd(key, now, this.#id)
        .zremrangebyscore(key, '-inf', now - CLIENT_TTL_MS)
        .zcard(key)
        .pexpire(key, CLIENT_TTL_MS * 4)
        .zcount(key, now - PROBE_MS - 500, '+inf')
        .exec();
      const count = result?.[2]?.[1];
      const connected = result?.[4]?.[1];
      if (typeof count === 'number') this.#clients = count;
      this.#setHealthy(true, this.#everHealthy ? 'rejoined' : 'connected');
      const before = this.#clientsBeforeLoss;
      if (typeof connected === 'number' && before !== undefined && connected >= before) this.#settle();
    } catch (error) {
      this.reportFailure(error);
    } finally {
      if (rejoining) {
        this.#rejoining = false;
        if (!this.#healthy) for (const fn of this.#listeners) fn(false); // waits for the rejoin end
      }
    }
  }

  #setHealthy(healthy: boolean, reason: string): void {
    if (this.#closed || healthy === this.#announced) return;
    // Before Redis ever answered, only the connect timeout decides to go local: a refused first
    // connection may be a Redis still starting.
    if (!healthy && !this.#everHealthy && reason !== 'unreachable') return;
    clearTimeout(this.#connectTimer);
    const first = this.#announced === undefined;
    this.#healthy = healthy;
    this.#announced = healthy;
    clearTimeout(this.#settleTimer);
    clearInterval(this.#settleProbe);
    if (healthy && first) {
      this.#settled = true; // the first answer, before anyone went local: nothing to wait for
    } else if (healthy) {
      this.#settled = false;
      // Clients known before the loss get until their heartbeat would be stale to come back.
      const wait = this.#clientsBeforeLoss === undefined ? SETTLE_MS : CLIENT_TTL_MS;
      this.#settleTimer = setTimeout(() => this.#settle(), wait);
      this.#settleTimer.unref();
      // Heartbeat faster meanwhile, to see the others come back soon after they do.
      this.#settleProbe = setInterval(() => void this.#probe(), SETTLE_PROBE_MS);
      this.#settleProbe.unref();
    } else {
      if (this.#everHealthy && this.#settled) this.#clientsBeforeLoss = this.#clients;
      this.#settled = false;
    }
    if (healthy) this.#everHealthy = true;
    this.#events.emit('cluster', {
      state: healthy ? 'shared' : 'local',
      reason,
      processes: this.#clients,
      share: this.share,
    });
    this.#decide();
    for (const fn of this.#listeners) fn(healthy);
  }

  #settle(): void {
    clearTimeout(this.#settleTimer);
    clearInterval(this.#settleProbe);
    if (this.#closed || this.#settled || !this.#healthy) return;
    this.#settled = true;
    for (const fn of this.#listeners) fn(true);
  }

  #decide(): void {
    clearTimeout(this.#connectTimer);
    for (const done of [...this.#decidedWaiters]) done();
  }

  /** Stops the heartbeat, leaves the client count, and closes the Redis connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    clearTimeout(this.#connectTimer);
    clearTimeout(this.#settleTimer);
    clearInterval(this.#settleProbe);
    this.#listeners.clear();
    this.#recorders.clear();
    await this.#started;
    const client = this.#client;
    if (client?.status === 'ready') await client.zrem(this.idFor('clients'), this.#id).catch(() => {});
    client?.disconnect();
  }
}
