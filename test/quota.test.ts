// Daily quotas: fail fast once spent (not when the call's slot comes round), shared by the fleet
// through Redis and surviving a restart, and a server refusal while our window was clean read as
// a quota spent elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZimClient, type ZimClient, ZimQuotaError } from '../src/index.js';
import { startMockZimServer } from '../src/mock/index.js';
import { hasRedis, RedisServer } from './helpers/redisServer.js';
import { waitFor } from './helpers/waitFor.js';

const msg = { FromUserId: 'admin', MessageType: 1, MessageBody: { Message: 'hello all' } };

/** `n` calls at once: when each ZimQuotaError came (ms from the start), and how many succeeded. */
async function sendAll(client: ZimClient, n: number) {
  const started = performance.now();
  const refusedAt: number[] = [];
  let ok = 0;
  const others: unknown[] = [];
  await Promise.all(
    Array.from({ length: n }, () =>
      client.call('SendMessageToAllUsers', msg).then(
        () => {
          ok++;
        },
        (e: unknown) => {
          if (e instanceof ZimQuotaError) refusedAt.push(Math.round(performance.now() - started));
          else others.push(e);
        },
      ),
    ),
  );
  return { ok, refusedAt, others };
}

describe('daily quotas', () => {
  it('twelve calls on a quota of 6: the six refusals come at once, not when each 1/s slot comes round', async () => {
    const server = await startMockZimServer({ users: ['admin'] });
    const client = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      limits: { SendMessageToAllUsers: { dailyQuota: 6 } },
    });
    try {
      const { ok, refusedAt, others } = await sendAll(client, 12);
      console.log(`quota 6, 12 calls: ${ok} sent, the 6th ZimQuotaError at ${refusedAt[5]} ms`);
      expect(others).toEqual([]);
      expect(ok).toBe(6);
      expect(refusedAt).toHaveLength(6);
      expect(refusedAt[5]).toBeLessThan(500);
      expect(server.stats().SendMessageToAllUsers.arrivals).toBe(6);
    } finally {
      await client.close();
      await server.close();
    }
  }, 30_000);

  it('a call aborted while it waits for its slot gives its quota back', async () => {
    const server = await startMockZimServer({ users: ['admin'] });
    const client = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      limits: { SendMessageToAllUsers: { dailyQuota: 2 } },
    });
    try {
      const first = client.call('SendMessageToAllUsers', msg);
      const aborted = client.call('SendMessageToAllUsers', msg, { signal: AbortSignal.timeout(100) });
      await expect(aborted).rejects.toThrow();
      await first;
      await client.call('SendMessageToAllUsers', msg); // the aborted call's share of the quota
      expect(server.stats().SendMessageToAllUsers.accepted).toBe(2);
    } finally {
      await client.close();
      await server.close();
    }
  }, 30_000);

  it('a 660500003 while our window was clean: the quota is spent elsewhere, a ZimQuotaError at once', async () => {
    // The server's quota is 1 (someone else spent the rest); ours is the documented 100.
    const server = await startMockZimServer({
      users: ['admin'],
      limits: { SendMessageToAllUsers: { dailyQuota: 1 } },
    });
    const client = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
    });
    try {
      await client.call('SendMessageToAllUsers', msg);
      const started = performance.now();
      const error = await client.call('SendMessageToAllUsers', msg).catch((e: unknown) => e);
      const ms = Math.round(performance.now() - started);
      const third = await client.call('SendMessageToAllUsers', msg).catch((e: unknown) => e);
      const arrivals = server.stats().SendMessageToAllUsers.arrivals;
      console.log(
        `server quota spent elsewhere: ${(error as Error).name} after ${ms} ms, then ${(third as Error).name}; ${arrivals} arrivals`,
      );
      expect(error).toBeInstanceOf(ZimQuotaError);
      expect(ms).toBeLessThan(2500); // one 1/s slot, then one answer
      expect(third).toBeInstanceOf(ZimQuotaError); // at once: the quota is known to be spent
      expect(arrivals).toBe(2);
    } finally {
      await client.close();
      await server.close();
    }
  }, 60_000);
});

describe.skipIf(!hasRedis)('daily quotas with redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('shared by the fleet and surviving a restart: 3 clients x 4 calls on a quota of 6, then a 4th client', async () => {
    const server = await startMockZimServer({ users: ['admin'] });
    const make = () =>
      createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        redis: redis.url,
        limits: { SendMessageToAllUsers: { dailyQuota: 6 } },
      });
    const fleet = [make(), make(), make()];
    try {
      const results = await Promise.all(fleet.map((c) => sendAll(c, 4)));
      await Promise.all(fleet.map((c) => c.close()));
      const accepted = server.stats().SendMessageToAllUsers.accepted;
      const refusedAt = results.flatMap((r) => r.refusedAt).sort((a, b) => a - b);
      const late = make();
      const after = await sendAll(late, 2);
      await late.close();
      const total = server.stats().SendMessageToAllUsers.accepted;
      console.log(
        `quota 6 shared by 3 clients x 4: server accepted ${accepted}, the 6th ZimQuotaError at ${refusedAt[5]} ms; a 4th client after them: ${total - accepted} more`,
      );
      expect(results.flatMap((r) => r.others)).toEqual([]);
      expect(accepted).toBe(6);
      expect(refusedAt).toHaveLength(6);
      expect(refusedAt[5]).toBeLessThan(1000);
      expect(after.ok).toBe(0);
      expect(total).toBe(6);
    } finally {
      await Promise.all(fleet.map((c) => c.close()));
      await server.close();
    }
  }, 60_000);

  it('calls taken while Redis was down are written back when it returns (restarted empty): the day stays counted for the fleet', async () => {
    const server = await startMockZimServer({ users: ['admin'] });
    const own = await RedisServer.start();
    const states: string[] = [];
    const limits = { SendMessageToAllUsers: { dailyQuota: 6 } };
    const make = (onCluster?: (state: string) => void) =>
      createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        redis: { url: own.url, fallbackShare: 1 },
        limits,
        hooks: { cluster: (e) => onCluster?.(`${e.state}:${e.reason}`) },
      });
    const first = make((x) => states.push(x));
    const { Redis } = await import('ioredis');
    try {
      await waitFor(() => states.includes('shared:connected'));
      expect((await sendAll(first, 2)).ok).toBe(2); // through Redis
      await own.stop();
      await waitFor(() => states.at(-1) === 'local:lost');
      expect((await sendAll(first, 2)).ok).toBe(2); // alone
      await own.start(); // empty: no persistence
      await waitFor(() => states.at(-1) === 'shared:rejoined', 15_000);
      const admin = new Redis(own.url);
      const recorded = await admin.zcard(`zim-resilience:{${server.appId}}:quota:SendMessageToAllUsers`);
      admin.disconnect();
      const second = make();
      const after = await sendAll(second, 4);
      await second.close();
      console.log(
        `quota 6: 2 through Redis, 2 alone, Redis restarted empty: ${recorded} recorded on the return; a new client then got ${after.ok} of 4`,
      );
      expect(recorded).toBe(4);
      expect(after.ok).toBe(2);
      expect(server.stats().SendMessageToAllUsers.accepted).toBe(6);
    } finally {
      await first.close();
      await server.close();
      await own.stop();
    }
  }, 60_000);
});
