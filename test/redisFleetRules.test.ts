// The fleet's rules that bound, rather than measure, a rate: the wait for Redis at start-up, the
// shares from the heartbeats, the fleet slow-down. Unlike test/redisFleet.test.ts, nothing here
// fails when the machine is loaded, so these run beside the other files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterEvent, createZimClient, type ZimClient } from '../src/index.js';
import { startMockZimServer } from '../src/mock/index.js';
import { hasRedis, RedisServer } from './helpers/redisServer.js';
import { sleep, waitFor } from './helpers/waitFor.js';

describe.skipIf(!hasRedis)('a fleet keeps to its rules', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('Redis unreachable: the first calls wait connectTimeoutMs for it, then go local at a quarter', async () => {
    const server = await startMockZimServer();
    const events: ClusterEvent[] = [];
    const client = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      redis: { url: 'redis://127.0.0.1:1', connectTimeoutMs: 500 },
      hooks: { cluster: (e) => events.push(e) },
    });
    try {
      const started = Date.now();
      const first = client.call('QueryUserInfos', { UserIds: ['a'] });
      const aborted = client.call('QueryUserInfos', { UserIds: ['b'] }, { signal: AbortSignal.timeout(100) });
      await expect(aborted).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(450); // the wait for Redis is abortable
      expect(server.stats().QueryUserInfos.arrivals).toBe(0);
      await first;
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
      expect(events).toEqual([{ state: 'local', reason: 'unreachable', processes: undefined, share: 0.25 }]);
    } finally {
      await client.close();
      await server.close();
    }
  }, 30_000);

  it('ten clients with Redis gone stay under the limit together: each keeps to 1/10, from the heartbeats', async () => {
    // 25/s on both sides: 2.5 per client, which must round down (2 each), or ten add up past 25.
    const limits = { UserRegister: { perSecond: 25 } };
    const server = await startMockZimServer({ limits });
    const own = await RedisServer.start();
    const events: ClusterEvent[][] = [];
    const clients: ZimClient[] = Array.from({ length: 10 }, () => {
      const seen: ClusterEvent[] = [];
      events.push(seen);
      return createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        limits,
        redis: own.url,
        hooks: { cluster: (e) => seen.push(e) },
      });
    });
    try {
      await waitFor(() => events.every((e) => e.at(-1)?.state === 'shared'));
      await sleep(1500); // every client has heartbeated since all joined
      await own.stop();
      await waitFor(() => events.every((e) => e.at(-1)?.state === 'local'));
      expect(events.map((e) => e.at(-1)!.share)).toEqual(Array(10).fill(0.1));
      await Promise.all(
        clients.flatMap((c, k) =>
          Array.from({ length: 4 }, (_, i) =>
            c.call('UserRegister', { UserInfo: [{ UserId: `t${k}-${i}`, UserName: 'T' }] }),
          ),
        ),
      );
      const s = server.stats().UserRegister;
      console.log(
        `10 clients without Redis: ${s.rejected} rejected, max ${s.maxInAnySecond} in a sliding second of 25`,
      );
      expect(s.rejected).toBe(0);
      expect(s.maxInAnySecond).toBeLessThanOrEqual(25);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await server.close();
      await own.stop();
    }
  }, 30_000);

  it("rate-limited answers slow the whole fleet: the server's limit at half of ours", async () => {
    // A meets the server's lower limit; B, never refused itself, starts right then: it must wait
    // with A (the pause) and then send no faster than the fleet's lowered ceiling.
    const server = await startMockZimServer({ limits: { UserRegister: { perSecond: 10 } } });
    let refusedA = 0;
    let refusedB = 0;
    let startB: () => void = () => {};
    const bStarts = new Promise<void>((r) => {
      startB = r;
    });
    const client = (onRefused: () => void) =>
      createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        redis: redis.url,
        hooks: { rateLimited: onRefused },
      });
    const a = client(() => {
      refusedA++;
      startB();
    });
    const b = client(() => refusedB++);
    const burst = (c: ZimClient, tag: string, n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          c.call('UserRegister', { UserInfo: [{ UserId: `${tag}${i}`, UserName: 'H' }] }),
        ),
      );
    try {
      await Promise.all([burst(a, 'a', 30), bStarts.then(() => burst(b, 'b', 15))]);
      const s = server.stats().UserRegister;
      console.log(
        `server at half our limit: A (30 calls) refused ${refusedA} times; B (15 calls, started at A's first refusal) ${refusedB} times; max ${s.maxInAnySecond}`,
      );
      expect(s.accepted).toBe(45);
      expect(refusedA).toBeGreaterThan(0);
      expect(refusedB).toBeLessThanOrEqual(8); // 17 when only A slows down: B sends into a full window
    } finally {
      await Promise.all([a.close(), b.close()]);
      await server.close();
    }
  }, 30_000);
});
