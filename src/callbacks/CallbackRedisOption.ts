import { ACCEPTED_CLIENTS, isRedisClient } from '../cluster/openRedisLink.js';
import type { RedisClientLike } from '../cluster/RedisOption.js';
import { checkNotOtherClient } from '../cluster/resolveRedisOption.js';
import { describeKind, describeValue } from '../core/describeValue.js';
import { didYouMean } from '../core/didYouMean.js';

/**
 * Dedupe shared by every receiver of a fleet, through Redis.
 *
 * @public
 */
export interface CallbackRedisOptions {
  /** A `redis://` or `rediss://` URL. Give this or `client`. */
  readonly url?: string;
  /** Your Redis client (ioredis 5 or 6, node-redis 4 or 5); duplicated, so yours is never closed by `close()`. */
  readonly client?: RedisClientLike;
  /** Prefix of every key. @default 'zim-resilience:callbacks' */
  readonly keyPrefix?: string;
  /** A Redis command with no answer after this long counts as failed (dedupe falls back to memory). @default 1000 */
  readonly commandTimeoutMs?: number;
}

/**
 * `redis` option: a URL, a client (ioredis 5 or 6, node-redis 4 or 5), or the full options.
 *
 * @public
 */
export type CallbackRedisOption = string | RedisClientLike | CallbackRedisOptions;

/** The `redis` option after defaults and checks. */
export interface ResolvedCallbackRedis {
  readonly url: string | undefined;
  readonly client: RedisClientLike | undefined;
  readonly keyPrefix: string;
  readonly commandTimeoutMs: number;
}

const KEYS = ['url', 'client', 'keyPrefix', 'commandTimeoutMs'];
const hintFor = (key: string): string => {
  const guess = didYouMean(key, KEYS);
  return guess ? `: did you mean redis.${guess}?` : '';
};

/** What a wrong URL was, without its host, user or password. */
const schemeOf = (url: unknown): string => {
  if (typeof url !== 'string' || url === '') return describeKind(url);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  return scheme ? `a URL of another scheme (${scheme}:)` : 'a string that is not a URL';
};

const isClient = (v: unknown): v is RedisClientLike => isRedisClient(v);

/** Checks the `redis` option; a wrong one is a TypeError naming it (a URL's password is never echoed). */
export function resolveCallbackRedis(
  option: CallbackRedisOption | undefined,
): ResolvedCallbackRedis | undefined {
  if (option === undefined) return undefined;
  checkNotOtherClient('redis', option);
  const o: CallbackRedisOptions =
    typeof option === 'string' ? { url: option } : isClient(option) ? { client: option } : option;
  if (typeof o !== 'object' || o === null)
    throw new TypeError(
      `expected redis to be a redis:// URL, ${ACCEPTED_CLIENTS}, or an object, got ${describeKind(option)}`,
    );
  for (const key of Object.keys(o)) {
    if (!KEYS.includes(key)) throw new TypeError(`unknown option redis.${key}${hintFor(key)}`);
  }
  if ((o.url === undefined) === (o.client === undefined))
    throw new TypeError('expected exactly one of redis.url and redis.client');
  if (o.url !== undefined && !(typeof o.url === 'string' && /^rediss?:\/\//.test(o.url)))
    throw new TypeError(`expected redis.url to be a redis:// or rediss:// URL, got ${schemeOf(o.url)}`);
  checkNotOtherClient('redis.client', o.client);
  if (o.client !== undefined && !isClient(o.client))
    throw new TypeError(`expected redis.client to be ${ACCEPTED_CLIENTS}, got ${describeKind(o.client)}`);
  const keyPrefix = o.keyPrefix ?? 'zim-resilience:callbacks';
  if (typeof keyPrefix !== 'string' || keyPrefix === '')
    throw new TypeError(`expected redis.keyPrefix to be a non-empty string, got ${describeValue(keyPrefix)}`);
  const commandTimeoutMs = o.commandTimeoutMs ?? 1000;
  if (!(typeof commandTimeoutMs === 'number' && commandTimeoutMs > 0 && Number.isFinite(commandTimeoutMs)))
    throw new TypeError(
      `expected redis.commandTimeoutMs to be a positive finite number, got ${describeValue(commandTimeoutMs)}`,
    );
  return { url: o.url, client: o.client, keyPrefix, commandTimeoutMs };
}
