import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterEvent, createZimClient, type ZimClient } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { CLIENT_KINDS } from './helpers/redisClients.js';
import { hasRedis, RedisServer } from './helpers/redisServer.js';
import { startWorker } from './helpers/runWorker.js';
import { waitFor } from './helpers/waitFor.js';

describe.skipIf(!hasRedis)('limits shared through Redis', () => {
  let redis: RedisServer;
  let server: MockZimServer;

  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  describe.each(CLIENT_KINDS)('through $name', (kind) => {
    it('Redis lost mid-run: keeps serving at a local share, says so, and rejoins when it is back', async () => {
      server = await startMockZimServer();
      const events: ClusterEvent[] = [];
      const client: ZimClient = createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        redis: { client: kind.plain(redis.url), fallbackShare: 0.5 },
        hooks: { cluster: (e) => events.push(e) },
      });
      const call = (i: number) =>
        client.call('UserRegister', { UserInfo: [{ UserId: `r${i}`, UserName: 'R' }] });
      try {
        await waitFor(() => events.some((e) => e.state === 'shared'));
        await Promise.all(Array.from({ length: 10 }, (_, i) => call(i)));

        await redis.stop();
        await waitFor(() => events.at(-1)?.state === 'local');
        const startedLocal = Date.now();
        await Promise.all(Array.from({ length: 20 }, (_, i) => call(100 + i))); // 10/s while alone: about 1 s
        expect(Date.now() - startedLocal).toBeGreaterThanOrEqual(900);

        await redis.start();
        await waitFor(() => events.at(-1)?.state === 'shared', 15_000);
        await Promise.all(Array.from({ length: 10 }, (_, i) => call(200 + i)));

        expect(events.map((e) => `${e.state}:${e.reason}`)).toEqual([
          'shared:connected',
          'local:lost',
          'shared:rejoined',
        ]);
        expect(events[1]!.share).toBe(0.5);
        const s = server.stats().UserRegister;
        expect(s.rejected).toBe(0);
        expect(s.accepted).toBe(40);
        expect(s.maxInAnySecond).toBeLessThanOrEqual(20);
      } finally {
        await client.close();
        await server.close();
        await redis.start().catch(() => {});
      }
    }, 60_000);

    it('Redis too slow (a command over commandTimeoutMs): goes local, then rejoins', async () => {
      const events: ClusterEvent[] = [];
      server = await startMockZimServer();
      const client = createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        redis: { client: kind.plain(redis.url), commandTimeoutMs: 200 },
        hooks: { cluster: (e) => events.push(e) },
      });
      const { Redis } = await import('ioredis');
      const admin = new Redis(redis.url);
      try {
        await waitFor(() => events.some((e) => e.state === 'shared'));
        await admin.call('DEBUG', 'SLEEP', '1.5'); // blocks the server for 1.5 s
        expect(events.map((e) => `${e.state}:${e.reason}`)).toContain('local:slow');
        await waitFor(() => events.at(-1)?.state === 'shared');
        expect((await client.call('QueryUserInfos', { UserIds: ['a'] })).Code).toBe(0);
      } finally {
        admin.disconnect();
        await client.close();
        await server.close();
      }
    }, 30_000);
  });

  it('Redis unreachable at start: serves at the local share and says why', async () => {
    server = await startMockZimServer();
    const events: ClusterEvent[] = [];
    const client = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      redis: { url: 'redis://127.0.0.1:1', connectTimeoutMs: 300 },
      hooks: { cluster: (e) => events.push(e) },
    });
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, () => client.call('QueryUserInfos', { UserIds: ['a'] })),
      );
      expect(results.every((r) => r.Code === 0)).toBe(true);
      expect(server.stats().QueryUserInfos.maxInAnySecond).toBeLessThanOrEqual(5); // a quarter of 20/s
      await waitFor(() => events.length > 0);
      expect(events[0]).toMatchObject({ state: 'local', reason: 'unreachable', share: 0.25 });
    } finally {
      await client.close();
      await server.close();
    }
  }, 30_000);

  it('close() releases every Redis connection: the process exits by itself', async () => {
    server = await startMockZimServer();
    try {
      const worker = startWorker({
        MOCK_URL: server.url,
        APP_ID: String(server.appId),
        SECRET: server.serverSecret,
        REDIS_URL: redis.url,
        CALLS: '3',
      });
      await worker.ready;
      const started = Date.now();
      worker.go();
      const result = await worker.result;
      expect(result.ok).toBe(3);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await server.close();
    }
  }, 30_000);
});
