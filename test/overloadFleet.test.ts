// Overload on a fleet through a real Redis: a direct call in one process is not held up by a
// whole batch in another, and the `throttle` event means the same with and without `redis`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZimClient, type ZimClientOptions } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { hasRedis, RedisServer } from './helpers/redisServer.js';
import { startChild } from './helpers/startChild.js';

describe.skipIf(!hasRedis)('overload on a fleet (real Redis, real processes)', () => {
  let redis: RedisServer;
  let server: MockZimServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('a direct call in process B settles within a window while process A runs a 10,000-user batch', async () => {
    server = await startMockZimServer({ appId: 32_001 }); // its own keys in Redis
    const job = startChild<Record<string, number>>('test/fixtures/jobWorker.ts', {
      MOCK_URL: server.url,
      APP_ID: String(server.appId),
      SECRET: server.serverSecret,
      REDIS_URL: redis.url,
      JOB: 'batch',
      COUNT: '10000',
    });
    await job.ready;
    const zim = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      redis: redis.url,
    });
    await zim.call('QueryUserInfos', { UserIds: ['warm'] }); // connected to Redis before the batch starts
    job.go();
    await new Promise((r) => setTimeout(r, 1000)); // A's chunks queue (100 of them: 5 s at 20/s)
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await zim.call('UserRegister', { UserInfo: [{ UserId: `direct${i}`, UserName: 'B' }] });
      waits.push(Math.round(performance.now() - t0));
      await new Promise((r) => setTimeout(r, 300));
    }
    // a window's worth of direct calls at once: A's chunks yield the freed slots to them
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        zim.call('UserRegister', { UserInfo: [{ UserId: `burst${i}`, UserName: 'B' }] }),
      ),
    );
    const burstMs = Math.round(performance.now() - t1);
    const result = await job.result;
    await zim.close();
    const stats = server.stats().UserRegister;
    await server.close();
    console.log(
      `B's direct calls during A's batch waited ${waits.join(', ')} ms; 20 at once took ${burstMs} ms`,
    );
    expect(result).toMatchObject({ failed: 0, calls: 100 });
    expect(Math.max(...waits)).toBeLessThanOrEqual(1200);
    expect(burstMs).toBeLessThanOrEqual(2200); // 2.8 s before: A's chunks took about half the freed slots
    expect(stats.rejected).toBe(0);
    expect(stats.maxInAnySecond).toBeLessThanOrEqual(20);
  }, 60_000);

  it('the fleet shares the learned rate: two clients told 20/s, the server at 10/s, 200 calls', async () => {
    server = await startMockZimServer({ appId: 32_002, limits: { UserRegister: { perSecond: 10 } } });
    const adapted: number[] = [];
    const clients = [0, 1].map(() =>
      createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        redis: redis.url,
        hooks: { limitAdapted: (e) => adapted.push(e.perSecond) },
      }),
    );
    await Promise.all(clients.map((c) => c.call('QueryUserInfos', { UserIds: ['warm'] })));
    const t0 = Date.now();
    await Promise.all(
      clients.flatMap((c, k) =>
        Array.from({ length: 100 }, (_, i) =>
          c.call('UserRegister', { UserInfo: [{ UserId: `f${k}-${i}`, UserName: 'N' }] }),
        ),
      ),
    );
    const tookMs = Date.now() - t0;
    await Promise.all(clients.map((c) => c.close()));
    const stats = server.stats().UserRegister;
    await server.close();
    console.log(
      `fleet of 2 at 10/s told 20/s: ${tookMs} ms, ${stats.rejected} refusals, rates ${adapted.join(' ')}`,
    );
    expect(server.state.users.size).toBe(200);
    expect(stats.accepted).toBe(200);
    expect(stats.rejected).toBeLessThanOrEqual(20);
    expect(adapted.at(-1)).toBeLessThanOrEqual(11);
    expect(tookMs).toBeLessThanOrEqual(1.15 * 20_000);
  }, 60_000);

  it('the throttle event fires only for a call that waited, with and without redis', async () => {
    server = await startMockZimServer({ appId: 32_003 }); // a learned rate of another test would hold it
    const counts: Record<string, number[]> = {};
    for (const mode of ['local', 'redis'] as const) {
      const seen: number[] = [];
      const options: ZimClientOptions = {
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        hooks: { throttle: (e) => seen.push(e.waitedMs) },
        ...(mode === 'redis' && { redis: redis.url }),
      };
      const zim = createZimClient(options);
      for (let i = 0; i < 5; i++)
        await zim.call('UserRegister', { UserInfo: [{ UserId: `${mode}${i}`, UserName: 'N' }] });
      const quiet = seen.length; // one at a time, far below 20/s: no wait
      await new Promise((r) => setTimeout(r, 1100));
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          zim.call('UserRegister', { UserInfo: [{ UserId: `${mode}b${i}`, UserName: 'N' }] }),
        ),
      );
      counts[mode] = [quiet, seen.length - quiet];
      await zim.close();
      await new Promise((r) => setTimeout(r, 1100));
    }
    await server.close();
    console.log('throttle events (one at a time, then 30 at once):', counts);
    expect(counts['local']![0]).toBe(0);
    expect(counts['redis']![0]).toBe(0); // before: 5, one per call (a Redis round trip of 0.3-2 ms)
    expect(counts['local']![1]).toBeGreaterThanOrEqual(10); // the 10 past the first 20 waited a window
    expect(counts['redis']![1]).toBeGreaterThanOrEqual(10);
    expect(counts['redis']![1]).toBeLessThanOrEqual((counts['local']?.[1] ?? 0) + 5);
  }, 60_000);
});
