import type { Redis } from 'ioredis';

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
}

/**
 * One heartbeat of client `id` in the sorted set `key` (scored by each client's last heartbeat,
 * at `now`: Redis's clock as the client reckons it), in one transaction: stale clients drop
 * out, the set expires when all are gone.
 */
export async function heartbeat(client: Redis, key: string, id: string, now: number): Promise<LiveClients> {
  const result = await client
    .multi()
    .zadd(key, now, id)
    .zremrangebyscore(key, '-inf', now - CLIENT_TTL_MS)
    .zcard(key)
    .pexpire(key, CLIENT_TTL_MS * 4)
    .zcount(key, now - HEARTBEAT_MS - 500, '+inf')
    .time()
    .exec();
  const time = result?.[5]?.[1] as [string, string] | undefined;
  const live = result?.[2]?.[1];
  const recent = result?.[4]?.[1];
  return {
    live: typeof live === 'number' ? live : undefined,
    recent: typeof recent === 'number' ? recent : undefined,
    redisMs: Array.isArray(time) ? Number(time[0]) * 1000 + Math.floor(Number(time[1]) / 1000) : undefined,
  };
}

/** Client `id` leaves the live clients at once (a closed client), instead of after `CLIENT_TTL_MS`. */
export async function leaveLiveClients(client: Redis, key: string, id: string): Promise<void> {
  await client.zrem(key, id);
}
