// Redis that stalls, refuses writes or is emptied mid-run, and a burst limit shared through it.
// Real redis-server (SIGSTOP / SIGCONT, CONFIG SET maxmemory, FLUSHALL), the mock server counting
// arrivals in exact sliding windows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterEvent, createZimClient, type ZimClient } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { maxInAnyWindow } from '../src/mock/maxInAnyWindow.js';
import { CLIENT_KINDS, type ClientKind } from './helpers/redisClients.js';
import { hasRedis, RedisServer } from './helpers/redisServer.js';
import { sleep, waitFor } from './helpers/waitFor.js';

describe.skipIf(!hasRedis)('a limit shared through Redis survives Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  const clients = (
    server: MockZimServer,
    n: number,
    extra: Partial<Parameters<typeof createZimClient>[0]> = {},
    kind?: ClientKind,
  ) => {
    const events: ClusterEvent[][] = [];
    const list: ZimClient[] = Array.from({ length: n }, () => {
      const seen: ClusterEvent[] = [];
      events.push(seen);
      return createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        redis: kind ? kind.plain(redis.url) : redis.url,
        hooks: { cluster: (e) => seen.push(e) },
        ...extra,
      });
    });
    return { list, events };
  };
  const register = (c: ZimClient, tag: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      c.call('UserRegister', { UserInfo: [{ UserId: `${tag}${i}`, UserName: 'R' }] }),
    );

  it('burst: 2 with redis: never more than 2 in any 100 ms', async () => {
    const limits = { UserRegister: { perSecond: 20, burst: 2 } };
    const server = await startMockZimServer();
    const { list, events } = clients(server, 1, { limits });
    try {
      await waitFor(() => events[0]!.some((e) => e.state === 'shared'));
      await Promise.all(register(list[0]!, 'b', 10));
      const t = server.stats().UserRegister.timestamps;
      const first10 = t[9]! - t[0]!;
      const max = maxInAnyWindow(t, 100);
      console.log(`burst 2 of 20/s with redis: 10 calls over ${first10} ms, max ${max} in any 100 ms`);
      expect(max).toBeLessThanOrEqual(2);
      expect(first10).toBeGreaterThanOrEqual(400);
    } finally {
      await Promise.all(list.map((c) => c.close()));
      await server.close();
    }
  }, 30_000);

  describe.each(CLIENT_KINDS)('through $name', (kind) => {
    it('Redis frozen 3 s (SIGSTOP, SIGCONT): two clients resume within a window, 0 refusals', async () => {
      const server = await startMockZimServer();
      const { list, events } = clients(server, 2, {}, kind);
      try {
        await waitFor(() => events.every((e) => e.some((x) => x.state === 'shared')));
        await sleep(1200); // both heartbeated: each knows the other
        const started = performance.now();
        const calls = list.flatMap((c, k) => register(c, `f${k}-`, 100));
        let done = 0;
        for (const p of calls)
          void p.then(
            () => done++,
            () => done++,
          );
        await sleep(1000);
        redis.freeze();
        await sleep(3000);
        redis.thaw();
        const thawedAt = Date.now();
        await Promise.race([Promise.allSettled(calls), sleep(30_000)]);
        const t = server.stats().UserRegister.timestamps.filter((x) => x >= thawedAt);
        const gaps = t.map((x, i) => x - (i === 0 ? thawedAt : t[i - 1]!));
        const longestGap = Math.max(...gaps);
        const s = server.stats().UserRegister;
        console.log(
          `Redis frozen 3 s: ${done} of 200 done after ${((performance.now() - started) / 1000).toFixed(1)} s, longest gap after SIGCONT ${longestGap} ms, ${s.rejected} refused, max ${s.maxInAnySecond}; events ${events.map((e) => e.map((x) => `${x.state}:${x.reason}`).join(' ')).join(' | ')}`,
        );
        expect(done).toBe(200);
        expect(longestGap).toBeLessThan(1500);
        expect(s.rejected).toBe(0);
        expect(s.maxInAnySecond).toBeLessThanOrEqual(20);
      } finally {
        redis.thaw();
        await Promise.all(list.map((c) => c.close()));
        await server.close();
      }
    }, 60_000);

    /**
     * Two clients with `timeouts` (their commandTimeoutMs), 100 UserRegister each queued at once;
     * Redis frozen `freezeMs` from 1 s in. What the server saw.
     */
    const frozenRun = async (timeouts: readonly [number, number], freezeMs: number) => {
      const server = await startMockZimServer();
      const events: ClusterEvent[][] = [[], []];
      const list = timeouts.map((commandTimeoutMs, k) =>
        createZimClient({
          appId: server.appId,
          serverSecret: server.serverSecret,
          baseUrl: server.url,
          redis: { client: kind.plain(redis.url), commandTimeoutMs },
          hooks: { cluster: (e) => void events[k]!.push(e) },
        }),
      );
      try {
        await waitFor(() => events.every((e) => e.some((x) => x.state === 'shared')));
        await sleep(1200); // both heartbeated: each knows the other
        const calls = list.flatMap((c, k) => register(c, `z${k}-`, 100));
        await sleep(1000);
        redis.freeze();
        await sleep(freezeMs);
        redis.thaw();
        const settled = await Promise.allSettled(calls);
        const s = server.stats().UserRegister;
        console.log(
          `${kind.name}, commandTimeoutMs ${timeouts.join(' and ')}, frozen ${freezeMs} ms: ${s.rejected} refused, max ${s.maxInAnySecond} in any second, ${s.accepted} accepted; events ${events.map((e) => e.map((x) => `${x.state}:${x.reason}`).join(' ')).join(' | ')}`,
        );
        return { s, failed: settled.filter((r) => r.status === 'rejected').length };
      } finally {
        redis.thaw();
        await Promise.all(list.map((c) => c.close()));
        await server.close();
      }
    };

    it('heartbeats slower than their period (commandTimeoutMs 2500), Redis frozen 6 s: 0 refused, never over 20', async () => {
      // Without one heartbeat at a time, one that timed out ended the rejoin another had begun.
      const { s, failed } = await frozenRun([2500, 2500], 6000);
      expect(failed).toBe(0);
      expect(s.rejected).toBe(0);
      expect(s.maxInAnySecond).toBeLessThanOrEqual(20);
    }, 60_000);

    it('one client sees the freeze (commandTimeoutMs 500), the other not (5000), frozen 4 s: 0 refused, never over 20', async () => {
      // The second's acquire, sent as Redis froze, runs when it thaws, within its own timeout: it
      // must not take a full window there while the first has been counting alone.
      const { s, failed } = await frozenRun([500, 5000], 4000);
      expect(failed).toBe(0);
      expect(s.rejected).toBe(0);
      expect(s.maxInAnySecond).toBeLessThanOrEqual(20);
    }, 60_000);

    it('Redis refuses writes (OOM): the cluster event says so, calls go on at the local share', async () => {
      const server = await startMockZimServer();
      const { list, events } = clients(server, 1, {}, kind);
      const { Redis } = await import('ioredis');
      const admin = new Redis(redis.url);
      try {
        await waitFor(() => events[0]!.some((e) => e.state === 'shared'));
        await admin.config('SET', 'maxmemory-policy', 'noeviction');
        await admin.config('SET', 'maxmemory', '1');
        await Promise.all(register(list[0]!, 'o', 5));
        await waitFor(() => events[0]!.some((e) => e.state === 'local'));
        const local = events[0]!.find((e) => e.state === 'local')!;
        console.log(`Redis out of memory: cluster event ${JSON.stringify(local)}`);
        expect((local as { message?: string }).message).toMatch(/OOM command not allowed/);
        await admin.config('SET', 'maxmemory', '0');
        await waitFor(() => events[0]!.at(-1)?.state === 'shared');
        expect(server.stats().UserRegister.accepted).toBe(5);
      } finally {
        await admin.config('SET', 'maxmemory', '0').catch(() => {});
        admin.disconnect();
        await Promise.all(list.map((c) => c.close()));
        await server.close();
      }
    }, 30_000);

    it('FLUSHALL mid-run: 0 refusals, never over 20 in a sliding second', async () => {
      const server = await startMockZimServer();
      const { list, events } = clients(server, 2, {}, kind);
      const { Redis } = await import('ioredis');
      const admin = new Redis(redis.url);
      try {
        await waitFor(() => events.every((e) => e.some((x) => x.state === 'shared')));
        await sleep(1200);
        // 40 calls/s offered for 3 s (twice the limit), so slots free all the time; Redis emptied at 2 s
        const calls: Promise<unknown>[] = [];
        const offering = (async () => {
          for (let i = 0; i < 60; i++) {
            for (const [k, c] of list.entries())
              calls.push(c.call('UserRegister', { UserInfo: [{ UserId: `x${k}-${i}`, UserName: 'X' }] }));
            await sleep(50);
          }
        })();
        await sleep(2000);
        await admin.flushall();
        await offering;
        await Promise.all(calls);
        const s = server.stats().UserRegister;
        console.log(
          `FLUSHALL mid-run: ${s.rejected} refused, max ${s.maxInAnySecond} in a sliding second, ${s.accepted} accepted`,
        );
        expect(s.rejected).toBe(0);
        expect(s.maxInAnySecond).toBeLessThanOrEqual(20);
        expect(s.accepted).toBe(120);
      } finally {
        admin.disconnect();
        await Promise.all(list.map((c) => c.close()));
        await server.close();
      }
    }, 30_000);
  });
});
