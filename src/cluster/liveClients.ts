import type { RedisLink } from './RedisLink.js';

/** How often each client heartbeats. */
export const HEARTBEAT_MS = 1000;

/** A client whose heartbeat is older than this no longer counts as live. */
export const CLIENT_TTL_MS = 3000;

/** What one heartbeat learnt (undefined: Redis answered something unexpected). */
export interface LiveClients {
  /** Clients of the AppId with a heartbeat in the last `CLIENT_TTL_MS`, this one included. */
  readonly live: number | undefined;
  /** Of those, the ones that heartbeated in about the last period (back since a loss). */
  readonly recent: number | undefined;
  /** Redis's clock (`TIME`) during the heartbeat, in milliseconds. */
  readonly redisMs: number | undefined;
  /**
   * The mark this client left at its previous heartbeat, as this Redis has it ('' for none): a
   * Redis that is behind (a replica promoted before it had every write, a restart from an older
   * snapshot) shows an older one.
   */
  readonly mark: string | undefined;
}

/**
 * KEYS: clients, marks. ARGV: now, id, ttlMs, periodMs, mark. Scores client `id` by `now` in
 * the sorted set of live clients, drops the stale, counts the live and the recent, and swaps
 * this client's mark. Returns `{live, recent, seconds, microseconds, previous mark}`.
 */
const HEARTBEAT = `local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
local live = redis.call('ZCARD', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ttl * 4)
local recent = redis.call('ZCOUNT', KEYS[1], now - tonumber(ARGV[4]) - 500, '+inf')
local mark = redis.call('HGET', KEYS[2], ARGV[2]) or ''
redis.call('HSET', KEYS[2], ARGV[2], ARGV[5])
redis.call('PEXPIRE', KEYS[2], 86400000)
local t = redis.call('TIME')
return {live, recent, t[1], t[2], mark}`;

/** KEYS: clients, marks. ARGV: id. */
const LEAVE = `redis.call('ZREM', KEYS[1], ARGV[1])
return redis.call('HDEL', KEYS[2], ARGV[1])`;

/**
 * One heartbeat of client `id` in the sorted set `key` (scored by each client's last heartbeat,
 * at `now`: Redis's clock as the client reckons it), in one script: stale clients drop out, the
 * set expires when all are gone; this client's mark in `marks` becomes `mark`.
 */
export async function heartbeat(
  link: RedisLink,
  keys: { clients: string; marks: string },
  id: string,
  now: number,
  mark: string,
): Promise<LiveClients> {
  const result = (await link.run(
    HEARTBEAT,
    [keys.clients, keys.marks],
    [Math.round(now), id, CLIENT_TTL_MS, HEARTBEAT_MS, mark],
  )) as unknown[] | undefined;
  const [live, recent, seconds, micros, previous] = Array.isArray(result) ? result : [];
  return {
    live: typeof live === 'number' ? live : undefined,
    recent: typeof recent === 'number' ? recent : undefined,
    redisMs: seconds === undefined ? undefined : Number(seconds) * 1000 + Math.floor(Number(micros) / 1000),
    mark: typeof previous === 'string' ? previous : undefined,
  };
}

/** Client `id` leaves the live clients at once (a closed client), instead of after `CLIENT_TTL_MS`. */
export async function leaveLiveClients(
  link: RedisLink,
  keys: { clients: string; marks: string },
  id: string,
): Promise<void> {
  await link.run(LEAVE, [keys.clients, keys.marks], [id]);
}
