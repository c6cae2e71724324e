import { randomUUID } from 'node:crypto';
import type Bottleneck from 'bottleneck';
import type { Redis } from 'ioredis';
import type { EventSink } from '../events/EventSink.js';
import type { ResolvedRedisOption } from './resolveRedisOption.js';

const PROBE_MS = 1000;
const PROCESS_TTL_MS = 5000;
const DEFAULT_SHARE_PROCESSES = 4;

/**
 * The Redis side of one client: one ioredis connection (duplicated into Bottleneck's pair), a
 * probe every second that also counts the processes sharing the AppId, and the health that
 * decides whether limits are shared or kept locally. Starts local and switches to shared once
 * Redis has answered; any failure (closed, refused, a command slower than `commandTimeoutMs`)
 * switches back to local at once.
 */
export class RedisCoordinator {
  readonly #options: ResolvedRedisOption;
  readonly #appId: number;
  readonly #events: EventSink;
  readonly #id = randomUUID();
  readonly #listeners = new Set<(healthy: boolean) => void>();
  #client: Redis | undefined;
  #bottleneck: typeof Bottleneck | undefined;
  #connection: Bottleneck.IORedisConnection | undefined;
  #timer: NodeJS.Timeout | undefined;
  #healthy = false;
  #announced: boolean | undefined;
  #everHealthy = false;
  #processes: number | undefined;
  #closed = false;
  readonly #started: Promise<void>;

  constructor(options: ResolvedRedisOption, appId: number, events: EventSink) {
    this.#options = options;
    this.#appId = appId;
    this.#events = events;
    this.#started = this.#start().catch((error) => this.#setHealthy(false, `unreachable: ${String(error)}`));
  }

  /** Whether limits are shared through Redis now. */
  get healthy(): boolean {
    return this.#healthy;
  }

  /** The share of each limit a process keeps to while Redis is unreachable. */
  get share(): number {
    return this.#options.fallbackShare ?? 1 / (this.#processes ?? DEFAULT_SHARE_PROCESSES);
  }

  /** Bottleneck, and the connection every limiter of this client shares; undefined until loaded. */
  get bottleneck(): { Bottleneck: typeof Bottleneck; connection: Bottleneck.IORedisConnection } | undefined {
    return this.#bottleneck && this.#connection
      ? { Bottleneck: this.#bottleneck, connection: this.#connection }
      : undefined;
  }

  /** The Bottleneck id of a limiter key: namespaced by prefix and AppId, with a hash tag for Redis Cluster. */
  idFor(key: string): string {
    return `${this.#options.keyPrefix}:{${this.#appId}}:${key}`;
  }

  /** Calls `fn` with the new health whenever it changes. Returns the unsubscribe function. */
  onChange(fn: (healthy: boolean) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  async #start(): Promise<void> {
    const [{ Redis: IORedis }, { default: BottleneckClass }] = await Promise.all([
      import('ioredis'),
      import('bottleneck'),
    ]);
    if (this.#closed) return;
    const settings = {
      enableOfflineQueue: false,
      commandTimeout: this.#options.commandTimeoutMs,
      maxRetriesPerRequest: 0,
      retryStrategy: (times: number) => Math.min(100 * times, 1000),
    };
    const client = this.#options.client
      ? this.#options.client.duplicate(settings)
      : new IORedis(this.#options.url!, settings);
    this.#client = client;
    client.on('error', () => {}); // reported through the health state, never thrown
    client.on('close', () => this.#setHealthy(false, 'lost'));
    client.on('ready', () => void this.#probe());
    this.#bottleneck = BottleneckClass;
    this.#connection = new BottleneckClass.IORedisConnection({ client, Redis: IORedis });
    this.#connection.on('error', () => {});
    this.#timer = setInterval(() => void this.#probe(), PROBE_MS);
    this.#timer.unref();
  }

  async #probe(): Promise<void> {
    const client = this.#client;
    if (!client || this.#closed || client.status !== 'ready') return;
    const key = `${this.idFor('processes')}`;
    const now = Date.now();
    try {
      const result = await client
        .multi()
        .zadd(key, now, this.#id)
        .zremrangebyscore(key, '-inf', now - PROCESS_TTL_MS)
        .zcard(key)
        .pexpire(key, PROCESS_TTL_MS * 4)
        .exec();
      const count = result?.[2]?.[1];
      if (typeof count === 'number') this.#processes = count;
      this.#setHealthy(true, this.#everHealthy ? 'rejoined' : 'connected');
    } catch (error) {
      const slow = /timed? ?out/i.test(String(error));
      this.#setHealthy(false, slow ? 'slow' : 'lost');
    }
  }

  #setHealthy(healthy: boolean, reason: string): void {
    if (this.#closed || healthy === this.#announced) return;
    if (!healthy && !this.#everHealthy && reason === 'lost') reason = 'unreachable';
    this.#healthy = healthy;
    this.#announced = healthy;
    if (healthy) this.#everHealthy = true;
    this.#events.emit('cluster', {
      state: healthy ? 'shared' : 'local',
      reason,
      processes: this.#processes,
      share: this.share,
    });
    for (const fn of this.#listeners) fn(healthy);
  }

  /** Stops probing, leaves the process count, and closes every Redis connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    this.#listeners.clear();
    await this.#started;
    const client = this.#client;
    if (client?.status === 'ready') await client.zrem(this.idFor('processes'), this.#id).catch(() => {});
    await this.#connection?.disconnect(false);
    client?.disconnect();
  }
}
