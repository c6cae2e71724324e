import { openRedisLink } from '../../cluster/openRedisLink.js';
import type { RedisLink as ClusterLink } from '../../cluster/RedisLink.js';
import type { ResolvedRedisOption } from '../../cluster/resolveRedisOption.js';
import type { RedisLink } from './RedisLink.js';

/**
 * The checkpoints' connection: the package's own Redis link (ioredis 5 or 6, or node-redis, as the
 * `redis` option gives), opened on the first command. While it (re)connects a command waits up to
 * `commandTimeoutMs`, then rejects: the store tries again until `connectTimeoutMs`, and sends no
 * chunk it could not record.
 */
export function jobsLink(options: ResolvedRedisOption): RedisLink {
  let opened: Promise<ClusterLink> | undefined;
  return {
    async run(script, keys, args) {
      opened ??= openRedisLink({
        url: options.url,
        client: options.client,
        commandTimeoutMs: options.commandTimeoutMs,
        connectTimeoutMs: options.connectTimeoutMs,
        queueWhileConnecting: true,
      });
      return (await opened).run(script, keys, args);
    },
    async close() {
      if (opened === undefined) return;
      await (await opened.catch(() => undefined))?.close();
    },
  };
}
