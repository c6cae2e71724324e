import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { loadIoredis } from '../cluster/loadIoredis.js';
import type { BeforeSendVerdict } from './BeforeSendVerdict.js';
import type { ResolvedCallbackRedis } from './CallbackRedisOption.js';
import type { DedupeClaim, DedupeStore } from './DedupeStore.js';

/** Drops a claim only if it is still the caller's (a slow handler's claim may have run out and been taken). */
const RELEASE =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/**
 * Dedupe shared through Redis: a claim is `SET NX PX` of `p:<token>`; a handled event is `d` (or
 * `d:<verdict JSON>`). ioredis, an optional peer, is loaded on first use. Every command is bounded
 * by `commandTimeoutMs`; a failure rejects (the receiver then falls back to its memory).
 */
export class RedisDedupeStore implements DedupeStore {
  readonly #options: ResolvedCallbackRedis;
  #client: Promise<Redis> | undefined;

  constructor(options: ResolvedCallbackRedis) {
    this.#options = options;
  }

  #redis(): Promise<Redis> {
    this.#client ??= loadIoredis().then((IORedis) => {
      const settings = {
        commandTimeout: this.#options.commandTimeoutMs,
        connectTimeout: this.#options.commandTimeoutMs * 3,
        maxRetriesPerRequest: 1,
        retryStrategy: (times: number) => Math.min(100 * times, 250),
      };
      const client = this.#options.client
        ? ((this.#options.client as Redis).duplicate(settings) as Redis)
        : new IORedis(this.#options.url!, settings);
      client.on('error', () => {});
      return client;
    });
    return this.#client;
  }

  #key(key: string): string {
    return `${this.#options.keyPrefix}:${key}`;
  }

  async claim(key: string, pendingTtlMs: number): Promise<DedupeClaim> {
    const redis = await this.#redis();
    const token = `p:${randomBytes(8).toString('hex')}`;
    for (let i = 0; i < 2; i++) {
      if ((await redis.set(this.#key(key), token, 'PX', Math.ceil(pendingTtlMs), 'NX')) === 'OK')
        return { state: 'new', token };
      const value = await redis.get(this.#key(key));
      if (value === null) continue; // it ran out between the two commands: claim again
      if (value.startsWith('p:')) return { state: 'pending' };
      return {
        state: 'done',
        verdict: value.length > 2 ? (JSON.parse(value.slice(2)) as BeforeSendVerdict) : undefined,
      };
    }
    return { state: 'pending' };
  }

  async done(key: string, ttlMs: number, verdict?: BeforeSendVerdict): Promise<void> {
    const redis = await this.#redis();
    await redis.set(this.#key(key), verdict ? `d:${JSON.stringify(verdict)}` : 'd', 'PX', Math.ceil(ttlMs));
  }

  async release(key: string, token: string): Promise<void> {
    const redis = await this.#redis();
    await redis.eval(RELEASE, 1, this.#key(key), token);
  }

  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (!client) return;
    const redis = await client.catch(() => undefined);
    if (redis) redis.disconnect();
  }
}
