// A limit shared through a real Redis Cluster (three masters), for each client kind (issue 31):
// every key of an AppId carries its hash tag, so each script runs on one node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterEvent, createZimClient } from '../src/index.js';
import { startMockZimServer } from '../src/mock/index.js';
import { CLIENT_KINDS } from './helpers/redisClients.js';
import { RedisClusterSet } from './helpers/redisCluster.js';
import { hasRedis } from './helpers/redisServer.js';

describe.skipIf(!hasRedis)('through a Redis Cluster', () => {
  let cluster: RedisClusterSet;
  beforeAll(async () => {
    cluster = await RedisClusterSet.start();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  describe.each(CLIENT_KINDS)('with $name', (kind) => {
    it('two clients share 20/s: 60 UserRegister, 0 refused, never over 20 in a second', async () => {
      const server = await startMockZimServer();
      const events: ClusterEvent[][] = [[], []];
      const clients = events.map((seen) =>
        createZimClient({
          appId: server.appId,
          serverSecret: server.serverSecret,
          baseUrl: server.url,
          redis: kind.cluster(cluster.ports) as never,
          hooks: { cluster: (e) => void seen.push(e) },
        }),
      );
      try {
        await Promise.all(
          clients.flatMap((c, k) =>
            Array.from({ length: 30 }, (_, i) =>
              c.call('UserRegister', { UserInfo: [{ UserId: `c${k}-${i}`, UserName: 'C' }] }),
            ),
          ),
        );
        const s = server.stats().UserRegister;
        const states = events.map((e) => e.map((x) => `${x.state}:${x.reason}`));
        console.log(
          `Redis Cluster, ${kind.name}: ${s.rejected} refused, max ${s.maxInAnySecond}; ${states.join(' | ')}`,
        );
        expect(states).toEqual([['shared:connected'], ['shared:connected']]);
        expect(s.rejected).toBe(0);
        expect(s.accepted).toBe(60);
        expect(s.maxInAnySecond).toBeLessThanOrEqual(20);
      } finally {
        await Promise.all(clients.map((c) => c.close()));
        await server.close();
      }
    }, 60_000);
  });
});
