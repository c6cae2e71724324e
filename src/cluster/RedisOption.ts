import type { Redis } from 'ioredis';

/** Limits shared by every process of an AppId, through Redis. */
export interface RedisClusterOptions {
  /** A `redis://` or `rediss://` URL. Give this or `client`. */
  readonly url?: string;
  /** An ioredis client; it is duplicated, so yours is never closed by `close()`. */
  readonly client?: Redis;
  /**
   * The share of each limit a process takes while Redis cannot be reached. @default 1 / the number
   * of processes last seen sharing the AppId (1/4 when none was ever seen)
   */
  readonly fallbackShare?: number;
  /** A Redis command with no answer after this long counts as Redis being unreachable. @default 1000 */
  readonly commandTimeoutMs?: number;
  /** Prefix of every key. A hash tag of the AppId is added, so Redis Cluster keeps an app's keys together. @default 'zim-resilience' */
  readonly keyPrefix?: string;
}

/** `redis` option: a URL, an ioredis client, or the full options. */
export type RedisOption = string | Redis | RedisClusterOptions;
