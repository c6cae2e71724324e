import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { loadIoredis } from '../../cluster/loadIoredis.js';
import type { ResolvedRedisOption } from '../../cluster/resolveRedisOption.js';
import type { RedisLink } from './RedisLink.js';

/** How long a command waits for a connection that is not ready before it fails (the caller tries again). */
const RETRY_WAIT_MS = 100;

/** The wait of each connection for its 'ready', shared by the commands that wait at once (one listener). */
const waits = new WeakMap<Redis, Promise<void>>();

/** Resolves when the connection is ready, or after `ms`, whichever comes first. */
function untilReady(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  const pending = waits.get(redis);
  if (pending) return pending;
  const wait = new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      waits.delete(redis);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
  });
  waits.set(redis, wait);
  return wait;
}

/**
 * A stand-in link over ioredis until the connection layer's own adapter replaces it: a connection
 * of its own (a duplicate of the user's client, or a new one from the URL), with no offline queue
 * and no retries, so a command fails at once while Redis is gone; it reconnects by itself.
 * Scripts by EVALSHA, then EVAL on NOSCRIPT. ioredis is loaded on the first command.
 */
export function ioredisLink(options: ResolvedRedisOption): RedisLink {
  let client: Promise<Redis> | undefined;
  const shas = new Map<string, string>();
  const connect = async () => {
    const IORedis = await loadIoredis();
    const settings = {
      enableOfflineQueue: false,
      commandTimeout: options.commandTimeoutMs,
      connectTimeout: options.connectTimeoutMs,
      maxRetriesPerRequest: 0,
      retryStrategy: (times: number) => Math.min(100 * times, 250),
    };
    const redis = options.client
      ? (options.client as Redis).duplicate(settings)
      : new IORedis(options.url!, settings);
    redis.on('error', () => {});
    await untilReady(redis, options.connectTimeoutMs);
    return redis;
  };
  return {
    async run(script, keys, args) {
      client ??= connect();
      const redis = await client;
      if (redis.status !== 'ready') await untilReady(redis, RETRY_WAIT_MS);
      let sha = shas.get(script);
      if (sha === undefined) {
        sha = createHash('sha1').update(script).digest('hex');
        shas.set(script, sha);
      }
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!String((error as Error)?.message).includes('NOSCRIPT')) throw error;
        return await redis.eval(script, keys.length, ...keys, ...args);
      }
    },
    async close() {
      if (client === undefined) return;
      const redis = await client.catch(() => undefined);
      redis?.disconnect();
    },
  };
}
