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
 * KEYS: clients, marks. ARGV: now, id, ttlMs, recentSince, mark, deadline. Past `deadline`
 * (Redis's clock; 0 for none) it does nothing and returns `{-2}`: the client gave up on it, and
 * it must not count it as live. Else scores client `id` by `now` in the sorted set of live
 * clients, drops the stale, counts the live and those scored since `recentSince`, and swaps this
 * client's mark. Returns `{live, recent, seconds, microseconds, previous mark}`.
 */
const HEARTBEAT = `local t = redis.call('TIME')
local deadline = tonumber(ARGV[6])
if deadline > 0 and tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > deadline then return {-2} end
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
local live = redis.call('ZCARD', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ttl * 4)
local recent = redis.call('ZCOUNT', KEYS[1], ARGV[4], '+inf')
local mark = redis.call('HGET', KEYS[2], ARGV[2]) or ''
redis.call('HSET', KEYS[2], ARGV[2], ARGV[5])
redis.call('PEXPIRE', KEYS[2], 86400000)
return {live, recent, t[1], t[2], mark}`;

/** KEYS: clients, marks. ARGV: id. */
const LEAVE = `redis.call('ZREM', KEYS[1], ARGV[1])
return redis.call('HDEL', KEYS[2], ARGV[1])`;

/** What one heartbeat sends. */
export interface Beat {
  /** Redis's clock as the client reckons it: the client's score. */
  readonly now: number;
  /** This heartbeat's mark (see `LiveClients.mark`). */
  readonly mark: string;
  /** Redis time past which the heartbeat must do nothing (the client gave up on it); 0 for none. */
  readonly deadline: number;
  /** Count as recent the clients scored since then; undefined: about the last period. */
  readonly recentSince: number | undefined;
}

/**
 * One heartbeat of client `id` in the sorted set `keys.clients` (scored by each client's last
 * heartbeat), in one script: stale clients drop out, the set expires when all are gone; this
 * client's mark in `keys.marks` is swapped. `'late'` when Redis ran it past its deadline.
 */
export async function heartbeat(
  link: RedisLink,
  keys: { clients: string; marks: string },
  id: string,
  beat: Beat,
): Promise<LiveClients | 'late'> {
  const recentSince = beat.recentSince ?? beat.now - HEARTBEAT_MS - 500;
  const result = (await link.run(
    HEARTBEAT,
    [keys.clients, keys.marks],
    [Math.round(beat.now), id, CLIENT_TTL_MS, Math.round(recentSince), beat.mark, Math.ceil(beat.deadline)],
  )) as unknown[] | undefined;
  const [live, recent, seconds, micros, previous] = Array.isArray(result) ? result : [];
  if (live === -2) return 'late';
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
