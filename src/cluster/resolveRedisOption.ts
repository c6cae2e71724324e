import type { RedisClientLike, RedisClusterOptions, RedisOption } from './RedisOption.js';

/** The `redis` option after defaults and checks. */
export interface ResolvedRedisOption {
  readonly url: string | undefined;
  readonly client: RedisClientLike | undefined;
  readonly fallbackShare: number | undefined;
  readonly commandTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly keyPrefix: string;
}

const isClient = (v: unknown): v is RedisClientLike =>
  typeof (v as RedisClientLike | undefined)?.duplicate === 'function';
const redactUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

function positiveMs(name: string, value: unknown): number {
  if (typeof value === 'number' && value > 0 && Number.isFinite(value)) return value;
  throw new TypeError(`expected redis.${name} to be a positive finite number, got ${JSON.stringify(value)}`);
}

/** Checks the `redis` option; a wrong one is a TypeError naming it (a URL's password is never echoed). */
export function resolveRedisOption(option: RedisOption | undefined): ResolvedRedisOption | undefined {
  if (option === undefined) return undefined;
  const o: RedisClusterOptions =
    typeof option === 'string' ? { url: option } : isClient(option) ? { client: option } : option;
  if (typeof o !== 'object' || o === null)
    throw new TypeError(
      `expected redis to be a redis:// URL, an ioredis client or an object, got ${typeof option}`,
    );
  for (const key of Object.keys(o)) {
    if (
      !['url', 'client', 'fallbackShare', 'commandTimeoutMs', 'connectTimeoutMs', 'keyPrefix'].includes(key)
    )
      throw new TypeError(`unknown option redis.${key}`);
  }
  if ((o.url === undefined) === (o.client === undefined))
    throw new TypeError('expected exactly one of redis.url and redis.client');
  if (o.url !== undefined && !(typeof o.url === 'string' && /^rediss?:\/\//.test(o.url))) {
    throw new TypeError(
      `expected redis.url to be a redis:// or rediss:// URL, got ${typeof o.url === 'string' ? JSON.stringify(redactUrl(o.url)) : typeof o.url}`,
    );
  }
  if (o.client !== undefined && !isClient(o.client))
    throw new TypeError('expected redis.client to be an ioredis client');
  const share = o.fallbackShare;
  if (share !== undefined && !(typeof share === 'number' && share > 0 && share <= 1)) {
    throw new TypeError(
      `expected redis.fallbackShare to be a number in (0, 1], got ${JSON.stringify(share)}`,
    );
  }
  const commandTimeoutMs = positiveMs('commandTimeoutMs', o.commandTimeoutMs ?? 1000);
  const connectTimeoutMs = positiveMs('connectTimeoutMs', o.connectTimeoutMs ?? 3000);
  const keyPrefix = o.keyPrefix ?? 'zim-resilience';
  if (typeof keyPrefix !== 'string' || keyPrefix === '' || /[{}]/.test(keyPrefix)) {
    throw new TypeError(
      `expected redis.keyPrefix to be a non-empty string without braces, got ${JSON.stringify(keyPrefix)}`,
    );
  }
  return {
    url: o.url,
    client: o.client,
    fallbackShare: share,
    commandTimeoutMs,
    connectTimeoutMs,
    keyPrefix,
  };
}
