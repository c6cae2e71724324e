import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  BATCH_ACTIONS,
  type BatchItem,
  type BatchProgress,
  type BatchResult,
  createZimClient,
  type ZimClient,
} from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';

let server: MockZimServer;
let zim: ZimClient;
async function setUp(users: string[] = []) {
  server = await startMockZimServer({ users });
  zim = createZimClient({ appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url });
}
afterEach(async () => {
  await zim?.close();
  await server?.close();
});
const ids = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('zim.batch', () => {
  it('registers 250 users in chunks of 100 and merges per-item failures in input order, not resent', async () => {
    await setUp(['u7', 'u120', 'u249']); // already registered: 660700002, a failure for good
    const progress: BatchProgress[] = [];
    const result = await zim.batch(
      'UserRegister',
      { UserInfo: ids(250).map((UserId) => ({ UserId, UserName: UserId })) },
      { onProgress: (p) => progress.push(p) },
    );
    expect(server.stats().UserRegister.arrivals).toBe(3);
    expect(server.state.users.size).toBe(250);
    expect(result.ErrorList?.map((e) => [e.UserId, e.SubCode])).toEqual([
      ['u7', 660700002],
      ['u120', 660700002],
      ['u249', 660700002],
    ]);
    expect(result.failed).toEqual([]);
    expect(result.requestIds).toHaveLength(3);
    expect(progress.length).toBe(3);
    expect(progress.at(-1)).toEqual({ done: 250, total: 250, failed: 0, itemErrors: 3 }); // failed: the items of result.failed
  });

  it('stays within the limit at the server: 3,000 ids of QueryUserInfos, 30 chunks at 20/s, none refused', async () => {
    await setUp(ids(50));
    const result = await zim.batch('QueryUserInfos', { UserIds: ids(3000) });
    const stats = server.stats().QueryUserInfos;
    expect(stats.arrivals).toBe(30);
    expect(stats.rejected).toBe(0);
    expect(stats.maxInAnySecond).toBeLessThanOrEqual(20);
    expect(result.Result?.map((r) => r.UserId)).toEqual(ids(50));
    expect(result.ErrorList).toHaveLength(2950);
    expect(result.ErrorList?.[0]?.UserId).toBe('u50');
  });

  it('resends an item whose SubCode is retryable in a later chunk, fields intact; the merged answer has it once, in input order', async () => {
    await setUp(ids(10));
    server.script('QueryUserInfos', [
      {
        body: {
          Code: 0,
          Result: ids(10)
            .slice(1)
            .map((UserId) => ({ UserId, UserName: UserId })),
          ErrorList: [{ UserId: 'u0', SubCode: 660600003 }],
        },
      },
    ]);
    const result = await zim.batch('QueryUserInfos', { UserIds: ids(10) });
    expect(server.stats().QueryUserInfos.arrivals).toBe(2);
    expect(result.Result?.map((r) => r.UserId)).toEqual(ids(10));
    expect(result.ErrorList).toEqual([]);
  });

  it('a chunk that fails as a whole lists its items in failed with its error; the others go on', async () => {
    await setUp();
    server.script('UserRegister', ['pass', { code: 660000002 }]);
    const result = await zim.batch('UserRegister', {
      UserInfo: ids(300).map((UserId) => ({ UserId, UserName: UserId })),
    });
    expect(server.state.users.size).toBe(200);
    expect(result.failed).toHaveLength(100);
    expect(result.failed[0]).toMatchObject({ item: { UserId: 'u100' }, mayHaveCommitted: false });
    expect(result.failed[0]?.error.name).toBe('ZimApiError');
  });

  it('a non-batch action, or a list over 1,000,000 items, is a TypeError before anything is sent', async () => {
    await setUp();
    // @ts-expect-error not a batch action
    await expect(zim.batch('QueryGroupMemberList', { GroupId: 'g' })).rejects.toThrow(TypeError);
    const huge = { UserIds: Array.from({ length: 1_000_001 }, () => 'x') };
    await expect(zim.batch('QueryUserInfos', huge)).rejects.toThrow(/allowLarge/);
    await expect(
      zim.batch('CallInvite', { FromUserId: 'a', UserIds: ids(10), OfflinePush: {} }),
    ).rejects.toThrow(/cannot be split/);
    expect(server.stats().QueryUserInfos.arrivals + server.stats().QueryGroupMemberList.arrivals).toBe(0);
  });

  it('chunks every splittable batch action at its documented maximum (2 × max + 1 items: 3 arrivals)', async () => {
    await setUp();
    for (const [action, spec] of Object.entries(BATCH_ACTIONS)) {
      if (!spec.split) continue;
      const n = 2 * spec.maxItems + 1;
      server.script(action, [{ body: { Code: 0 } }, { body: { Code: 0 } }, { body: { Code: 0 } }]);
      const items =
        spec.itemType === 'object'
          ? ids(n).map((id) => ({ [spec.key ?? 'Key']: id }))
          : spec.itemType === 'number'
            ? Array.from({ length: n }, (_, i) => i + 1)
            : ids(n);
      const params = { [spec.list[0] as string]: items };
      await (zim.batch as (a: string, p: unknown, o?: unknown) => Promise<unknown>)(action, params, {
        concurrency: 1,
      });
      expect([action, server.stats()[action]?.arrivals]).toEqual([action, 3]);
    }
  });

  it('types items and the merged answer from the documents', () => {
    expectTypeOf<BatchItem<'UserRegister'>>().toHaveProperty('UserId').toEqualTypeOf<string>();
    expectTypeOf<BatchItem<'QueryUserInfos'>>().toEqualTypeOf<string>();
    expectTypeOf<BatchResult<'SendPeerMessage'>['SuccList']>().not.toBeAny();
    expectTypeOf<BatchResult<'UserRegister'>['failed'][number]['item']>().toEqualTypeOf<
      BatchItem<'UserRegister'>
    >();
  });
});
