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

  it('a client that joined after the last heartbeat counts in the share at once: its first acquire is enough', async () => {
    // Both join within one heartbeat period (1 s), then Redis dies before either heartbeats
    // again: only the calls through Redis can have told the first of the second. Before, the
    // first went local at the whole limit (its one heartbeat counted it alone) and a failover
    // right after a start-up (a node-redis Sentinel failover in CI) let the pair send 30/s.
    const server = await startMockZimServer();
    const own = await RedisServer.start();
    const seen: ClusterEvent[][] = [[], []];
    const make = (k: 0 | 1) =>
      createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        redis: own.url,
        hooks: { cluster: (e) => seen[k]!.push(e) },
      });
    const first = make(0);
    let second: ZimClient | undefined;
    try {
      await first.call('UserRegister', { UserInfo: [{ UserId: 'j0', UserName: 'J' }] });
      const joinedAt = Date.now();
      expect(seen[0]).toMatchObject([{ state: 'shared', reason: 'connected', processes: 1 }]);
      second = make(1);
      await second.call('UserRegister', { UserInfo: [{ UserId: 'j1', UserName: 'J' }] });
      await first.call('UserRegister', { UserInfo: [{ UserId: 'j2', UserName: 'J' }] });
      const lostAt = Date.now();
      await own.stop();
      await waitFor(() => seen.every((e) => e.at(-1)?.state === 'local'));
      console.log(`Redis died ${lostAt - joinedAt} ms after the first joined, alone`);
      // Past 1 s the first's second heartbeat would have counted the second anyway: nothing shown.
      expect(lostAt - joinedAt).toBeLessThan(900);
      expect(seen[0]!.at(-1)).toMatchObject({ state: 'local', processes: 2, share: 0.5 });
      expect(seen[1]!.at(-1)).toMatchObject({ state: 'local', processes: 2, share: 0.5 });
    } finally {
      await Promise.all([first.close(), second?.close()]);
      await own.stop();
      await server.close();
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
