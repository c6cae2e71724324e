import { ACCEPTED_CLIENTS, isRedisClient } from './openRedisLink.js';
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

const isClient = (v: unknown): v is RedisClientLike => isRedisClient(v);

/**
 * A client of a kind not spoken here (it has methods, so it is no options object): a TypeError
 * naming what is accepted, and what it seems to be.
 */
export function checkNotOtherClient(name: string, v: unknown): void {
  if (typeof v !== 'object' || v === null || isClient(v)) return;
  const methods = ['duplicate', 'sendCommand', 'connect', 'call', 'eval', 'get', 'set'];
  if (!methods.some((m) => typeof (v as Record<string, unknown>)[m] === 'function')) return;
  const kind = (v as object).constructor?.name ?? 'Object';
  throw new TypeError(`expected ${name} to be ${ACCEPTED_CLIENTS}, got a client of another kind (${kind})`);
}
const redactUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

function positiveMs(name: string, value: unknown): number {
  if (typeof value === 'number' && value > 0 && Number.isFinite(value)) return value;
  throw new TypeError(`expected redis.${name} to be a positive finite number, got ${JSON.stringify(value)}`);
}

/** Checks the `redis` option; a wrong one is a TypeError naming it (a URL's password is never echoed). */
export function resolveRedisOption(option: RedisOption | undefined): ResolvedRedisOption | undefined {
  if (option === undefined) return undefined;
  checkNotOtherClient('redis', option);
  const o: RedisClusterOptions =
    typeof option === 'string' ? { url: option } : isClient(option) ? { client: option } : option;
  if (typeof o !== 'object' || o === null)
    throw new TypeError(
      `expected redis to be a redis:// URL, ${ACCEPTED_CLIENTS}, or an object, got ${typeof option}`,
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
  checkNotOtherClient('redis.client', o.client);
  if (o.client !== undefined && !isClient(o.client))
    throw new TypeError(`expected redis.client to be ${ACCEPTED_CLIENTS}`);
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
