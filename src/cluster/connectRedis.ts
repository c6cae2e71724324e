import type { Redis } from 'ioredis';
import type { RedisClass } from './loadIoredis.js';
import type { ResolvedRedisOption } from './resolveRedisOption.js';
import { defineQuotaScripts } from './SharedDailyQuota.js';
import { defineWindowScripts } from './SharedWindow.js';

/** Reconnection attempts are at most this far apart, so every live client is back soon after Redis. */
const MAX_RECONNECT_MS = 250;

/**
 * The connection of one client (a duplicate of the user's client, or a new one from the URL):
 * no offline queue and no retries, so a command fails at once while Redis is gone, and after
 * `commandTimeoutMs` when it is slow; it reconnects by itself. It knows the window scripts, and
 * its errors are never thrown (the caller watches its events).
 */
export function connectRedis(IORedis: RedisClass, options: ResolvedRedisOption): Redis {
  const settings = {
    enableOfflineQueue: false,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: options.connectTimeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: (times: number) => Math.min(100 * times, MAX_RECONNECT_MS),
  };
  const client = options.client
    ? (options.client as Redis).duplicate(settings)
    : new IORedis(options.url!, settings);
  defineWindowScripts(client);
  defineQuotaScripts(client);
  client.on('error', () => {});
  return client;
}
