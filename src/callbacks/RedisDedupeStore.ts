import { randomBytes } from 'node:crypto';
import { openRedisLink } from '../cluster/openRedisLink.js';
import type { RedisLink } from '../cluster/RedisLink.js';
import type { BeforeSendVerdict } from './BeforeSendVerdict.js';
import type { ResolvedCallbackRedis } from './CallbackRedisOption.js';
import type { DedupeClaim, DedupeStore } from './DedupeStore.js';

/** KEYS: the event. ARGV: token, ttlMs. Claims it (`{1}`), or says what holds it (`{0, value}`). */
const CLAIM = `if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return {1} end
return {0, redis.call('GET', KEYS[1])}`;

/** KEYS: the event. ARGV: value, ttlMs. */
const DONE = `return redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])`;

/** Drops a claim only if it is still the caller's (a slow handler's claim may have run out and been taken). */
const RELEASE =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/**
 * Dedupe shared through Redis: a claim is `SET NX PX` of `p:<token>`; a handled event is `d` (or
 * `d:<verdict JSON>`). The connection (any client kind, see `openRedisLink`) is opened on first
 * use. Every command is bounded by `commandTimeoutMs`; a failure rejects (the receiver then falls
 * back to its memory).
 */
export class RedisDedupeStore implements DedupeStore {
  readonly #options: ResolvedCallbackRedis;
  #link: Promise<RedisLink> | undefined;

  constructor(options: ResolvedCallbackRedis) {
    this.#options = options;
  }

  #redis(): Promise<RedisLink> {
    this.#link ??= openRedisLink({
      url: this.#options.url,
      client: this.#options.client,
      commandTimeoutMs: this.#options.commandTimeoutMs,
      connectTimeoutMs: this.#options.commandTimeoutMs * 3,
      queueWhileConnecting: true,
    });
    return this.#link;
  }

  #key(key: string): string {
    return `${this.#options.keyPrefix}:${key}`;
  }

  async claim(key: string, pendingTtlMs: number): Promise<DedupeClaim> {
    const redis = await this.#redis();
    const token = `p:${randomBytes(8).toString('hex')}`;
    const [claimed, value] = (await redis.run(CLAIM, [this.#key(key)], [token, Math.ceil(pendingTtlMs)])) as [
      number,
      string | null | undefined,
    ];
    if (claimed === 1) return { state: 'new', token };
    if (typeof value !== 'string' || value.startsWith('p:')) return { state: 'pending' };
    return {
      state: 'done',
      verdict: value.length > 2 ? (JSON.parse(value.slice(2)) as BeforeSendVerdict) : undefined,
    };
  }

  async done(key: string, ttlMs: number, verdict?: BeforeSendVerdict): Promise<void> {
    const redis = await this.#redis();
    await redis.run(
      DONE,
      [this.#key(key)],
      [verdict ? `d:${JSON.stringify(verdict)}` : 'd', Math.ceil(ttlMs)],
    );
  }

  async release(key: string, token: string): Promise<void> {
    const redis = await this.#redis();
    await redis.run(RELEASE, [this.#key(key)], [token]);
  }

  async close(): Promise<void> {
    const link = this.#link;
    this.#link = undefined;
    if (!link) return;
    const redis = await link.catch(() => undefined);
    await redis?.close();
  }
}
