// zim.batch and zim.paginate on a fleet: two real processes share one limit through Redis, and
// the mock server counts what arrived in exact sliding windows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZimClient } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { hasRedis, RedisServer } from './helpers/redisServer.js';
import { goTogether, startChild } from './helpers/startChild.js';

/** Starts `n` job workers, waits until all are loaded, starts them together; their JSON results. */
async function runJobs(n: number, env: Record<string, string>): Promise<Record<string, number>[]> {
  const workers = Array.from({ length: n }, () =>
    startChild<Record<string, number>>('test/fixtures/jobWorker.ts', env),
  );
  return Promise.all(await goTogether(workers));
}

describe.skipIf(!hasRedis)('jobs on a fleet: two processes share the limit through Redis', () => {
  let redis: RedisServer;
  let server: MockZimServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });
  const env = () => ({
    MOCK_URL: server.url,
    APP_ID: String(server.appId),
    SECRET: server.serverSecret,
    REDIS_URL: redis.url,
  });

  it('2 processes x zim.batch of 3,000 UserRegister users: 60 chunks, 0 refused, never over 20 in a sliding second', async () => {
    server = await startMockZimServer();
    const results = await runJobs(2, { ...env(), JOB: 'batch', COUNT: '3000' });
    const s = server.stats().UserRegister;
    console.log(
      `batch fleet: ${s.accepted} accepted, ${s.rejected} refused, max ${s.maxInAnySecond} in a sliding second`,
    );
    expect(results).toEqual([
      { errors: 0, failed: 0, calls: 30 },
      { errors: 0, failed: 0, calls: 30 },
    ]);
    expect(server.state.users.size).toBe(6000);
    expect(s.arrivals).toBe(60);
    expect(s.rejected).toBe(0);
    expect(s.maxInAnySecond).toBeLessThanOrEqual(20);
    await server.close();
  }, 60_000);

  it('2 processes walking the same 300-member group, 10 a page: 60 pages, 0 refused, never over the limit, every member once each', async () => {
    const users = ['owner', ...Array.from({ length: 299 }, (_, i) => `m${i}`)];
    server = await startMockZimServer({ users });
    const zim = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
    });
    await zim.call('CreateGroup', { GroupId: 'g', GroupOwner: 'owner', UserId: users.slice(1, 100) });
    await zim.batch('InviteUsersIntoGroup', {
      FromUserId: 'owner',
      GroupId: 'g',
      UserIds: users.slice(100),
      GroupMemberInfos: [],
    });
    await zim.close();
    const limit = server.stats().QueryGroupMemberList; // before: nothing
    expect(limit.arrivals).toBe(0);
    const results = await runJobs(2, { ...env(), JOB: 'walk', GROUP: 'g', LIMIT: '10' });
    const s = server.stats().QueryGroupMemberList;
    console.log(
      `walk fleet: ${s.accepted} accepted, ${s.rejected} refused, max ${s.maxInAnySecond} in a sliding second`,
    );
    expect(results).toEqual([
      { items: 300, distinct: 300 },
      { items: 300, distinct: 300 },
    ]);
    expect(s.arrivals).toBe(60);
    expect(s.rejected).toBe(0);
    expect(s.maxInAnySecond).toBeLessThanOrEqual(20);
  }, 60_000);
});
