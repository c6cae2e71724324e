import type { Cluster, Redis, RedisOptions } from 'ioredis';
import { type LinkSettings, MAX_RECONNECT_MS, type RedisLink, RedisReplyError } from './RedisLink.js';
import { isNoScript, scriptSha } from './scriptSha.js';

/** An ioredis client (5 or 6), a `Redis` (plain or Sentinel) or a `Cluster`, told apart by feature. */
export const isIoredis = (v: unknown): boolean => {
  const c = v as Partial<Redis> | undefined;
  return (
    typeof c?.duplicate === 'function' &&
    typeof c.defineCommand === 'function' &&
    typeof c.status === 'string'
  );
};

/** The ioredis class as this package builds one from a URL. */
export type IoredisClass = new (url: string, options: RedisOptions) => Redis;

function settingsOf(s: LinkSettings): RedisOptions {
  return {
    lazyConnect: false, // a duplicate of a lazy client connects at once, as one of our own
    enableOfflineQueue: s.queueWhileConnecting,
    commandTimeout: s.commandTimeoutMs,
    connectTimeout: s.connectTimeoutMs,
    maxRetriesPerRequest: s.queueWhileConnecting ? 1 : 0,
    retryStrategy: (times: number) => Math.min(100 * times, MAX_RECONNECT_MS),
  };
}

/**
 * A link over ioredis: a duplicate of the user's client (Sentinel and Cluster settings kept; no
 * offline queue, no retries, `commandTimeoutMs` per command), or a new one from a URL.
 */
export function ioredisLink(
  from: { client: unknown } | { url: string; IORedis: IoredisClass },
  settings: LinkSettings,
): RedisLink {
  const own = settingsOf(settings);
  let client: Redis | Cluster;
  if ('url' in from) client = new from.IORedis(from.url, own);
  else if ((from.client as Cluster).isCluster) {
    const cluster = from.client as Cluster;
    client = cluster.duplicate([], {
      lazyConnect: false,
      enableOfflineQueue: own.enableOfflineQueue,
      clusterRetryStrategy: own.retryStrategy,
      redisOptions: { ...cluster.options.redisOptions, ...own },
    });
  } else client = (from.client as Redis).duplicate(own);
  client.on('error', () => {});
  const send = (
    script: string,
    keys: readonly string[],
    args: readonly (string | number)[],
    full: boolean,
  ) =>
    full
      ? client.eval(script, keys.length, ...keys, ...args)
      : client.evalsha(scriptSha(script), keys.length, ...keys, ...args);
  return {
    async run(script, keys, args) {
      try {
        return await send(script, keys, args, false).catch((error: unknown) => {
          if (isNoScript(error)) return send(script, keys, args, true);
          throw error;
        });
      } catch (error) {
        throw asReplyError(error);
      }
    },
    get ready() {
      return client.status === 'ready';
    },
    onReady(fn) {
      client.on('ready', fn);
    },
    onLost(fn) {
      client.on('close', fn);
    },
    async close() {
      client.disconnect();
    },
  };
}

function asReplyError(error: unknown): unknown {
  if ((error as { name?: unknown } | undefined)?.name !== 'ReplyError') return error;
  return new RedisReplyError((error as Error).message, { cause: error });
}
