/**
 * A Redis client of a kind this package speaks to, described by the methods that tell the kinds
 * apart, so that the types of this package need no Redis client installed: an ioredis 5 or 6
 * client (`new Redis(...)`, with Sentinel options or not, or `new Cluster(...)`), or a node-redis
 * 4 or 5 client (`createClient`, `createCluster` or `createSentinel`). It is duplicated (a
 * node-redis Sentinel client, which has no `duplicate`, is used as given), so yours is never
 * closed by `close()`. Anything else is a TypeError naming what is accepted.
 *
 * @public
 */
export interface RedisClientLike {
  duplicate?(...args: never[]): unknown;
  sendCommand?(...args: never[]): unknown;
}

/**
 * Limits shared by every process of an AppId, through Redis.
 *
 * @public
 */
export interface RedisClusterOptions {
  /** A `redis://` or `rediss://` URL. Give this or `client`. */
  readonly url?: string;
  /** Your Redis client (see `RedisClientLike`: ioredis 5 or 6, node-redis 4 or 5); duplicated, so yours is never closed by `close()`. */
  readonly client?: RedisClientLike;
  /**
   * The share of each limit a process takes while Redis cannot be reached. @default 1 / the number
   * of live clients of the AppId that Redis last reported (each heartbeats every second and drops
   * out after 3 s without one); 1/4 when Redis never answered
   */
  readonly fallbackShare?: number;
  /** A Redis command with no answer after this long counts as Redis being unreachable. @default 1000 */
  readonly commandTimeoutMs?: number;
  /**
   * How long the first calls wait for Redis to answer before going local: the fleet then shares
   * one budget from its first call. Each call's AbortSignal still ends its wait. @default 3000
   */
  readonly connectTimeoutMs?: number;
  /** Prefix of every key. A hash tag of the AppId is added, so Redis Cluster keeps an app's keys together. @default 'zim-resilience' */
  readonly keyPrefix?: string;
}

/**
 * `redis` option: a URL, a client (ioredis 5 or 6, node-redis 4 or 5), or the full options.
 *
 * @public
 */
export type RedisOption = string | RedisClientLike | RedisClusterOptions;
