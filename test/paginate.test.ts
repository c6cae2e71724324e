import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createZimClient,
  PAGED_ACTIONS,
  type PageItem,
  type ZimClient,
  ZimCursorError,
} from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';

const OPEN: Record<string, false> = {};
let server: MockZimServer;
let zim: ZimClient;

async function setUp(members: number) {
  const users = ['owner', ...Array.from({ length: members }, (_, i) => `m${i}`)];
  server = await startMockZimServer({ users });
  zim = createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    limits: OPEN,
  });
  // a group of `members` + owner, in chunks of CreateGroup's and InviteUsersIntoGroup's 100
  await zim.call('CreateGroup', { GroupId: 'g', GroupOwner: 'owner', UserId: users.slice(1, 101) });
  for (let i = 101; i < users.length; i += 100)
    await zim.call('InviteUsersIntoGroup', {
      FromUserId: 'owner',
      GroupId: 'g',
      UserIds: users.slice(i, i + 100),
      GroupMemberInfos: [],
    });
  server.resetStats();
  return users;
}
afterEach(async () => {
  await zim?.close();
  await server?.close();
});

describe('zim.paginate', () => {
  it('walks QueryGroupMemberList to its end, no member lost or duplicated, one call per page', async () => {
    const users = await setUp(250);
    const members = await zim.paginate('QueryGroupMemberList', { GroupId: 'g', Limit: 7 });
    expect(members.map((m) => m.UserId)).toEqual(users);
    expect(server.stats().QueryGroupMemberList.arrivals).toBe(Math.ceil(251 / 7)); // 36
  });

  it('sends Limit at the documented maximum by default: 251 members in one call', async () => {
    await setUp(250);
    const pages: unknown[] = [];
    for await (const page of zim.paginate.iterator('QueryGroupMemberList', { GroupId: 'g' }))
      pages.push(page);
    expect(pages).toHaveLength(1);
    expect(server.stats().QueryGroupMemberList.arrivals).toBe(1);
    expect(PAGED_ACTIONS.QueryGroupMemberList.maxLimit).toBe(1000);
  });

  it('walks the string cursors (QueryRoomUserList, QueryGroupsInfoOfUser) and the app lists to their end', async () => {
    const users = await setUp(30);
    await zim.call('CreateRoom', { FromUserId: 'owner', RoomId: 'r' });
    server.joinRoom('r', users.slice(1));
    const inRoom = await zim.paginate('QueryRoomUserList', { RoomId: 'r', Limit: 4 });
    expect(inRoom.map((u) => u.UserId).sort()).toEqual([...users].sort()); // the creator is in it too
    for (let i = 0; i < 12; i++) await zim.call('CreateGroup', { GroupId: `x${i}`, GroupOwner: 'm1' });
    const groups = await zim.paginate('QueryGroupsInfoOfUser', { FromUserId: 'm1', Limit: 5 });
    expect(groups.map((g) => g.GroupId)).toEqual(['g', ...Array.from({ length: 12 }, (_, i) => `x${i}`)]);
    const all = await zim.paginate('QueryAppGroupList', { Limit: 3 });
    expect(new Set(all.map((g) => g.GroupId)).size).toBe(13);
    expect(await zim.paginate('QueryAppCommunityList')).toEqual([]);
    await zim.call('AddUsersToBlacklist', { FromUserId: 'owner', UserIds: users.slice(1, 21) });
    const blocked = await zim.paginate('QueryBlacklist', { FromUserId: 'owner', Limit: 3 });
    expect(blocked.map((b) => b.UserId).sort()).toEqual(users.slice(1, 21).sort());
  });

  it('retries a page answered busy or rate-limited; no item lost or duplicated', async () => {
    const users = await setUp(40);
    server.script('QueryGroupMemberList', ['pass', { code: 1 }, 'pass', { code: 660600004 }]);
    const members = await zim.paginate('QueryGroupMemberList', { GroupId: 'g', Limit: 10 });
    expect(members.map((m) => m.UserId)).toEqual(users);
    expect(server.stats().QueryGroupMemberList.arrivals).toBe(5 + 2);
  });

  it('a cursor the server sends twice is a ZimCursorError, not an endless walk', async () => {
    await setUp(1);
    const page = (id: string) => ({ body: { Code: 0, Next: 42, MemberList: [{ UserId: id }] } });
    server.script('QueryGroupMemberList', [page('a'), page('b'), page('c')]);
    const error = await zim.paginate('QueryGroupMemberList', { GroupId: 'g' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZimCursorError);
    expect(error).toMatchObject({ cursor: 42, pages: 2, action: 'QueryGroupMemberList' });
    expect(server.stats().QueryGroupMemberList.arrivals).toBe(2);
  });

  it('breaking out of for await sends no further page', async () => {
    await setUp(100);
    let seen = 0;
    for await (const page of zim.paginate.iterator('QueryGroupMemberList', { GroupId: 'g', Limit: 10 })) {
      seen += page.MemberList?.length ?? 0;
      if (seen >= 20) break;
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(server.stats().QueryGroupMemberList.arrivals).toBe(2);
  });

  it('a non-paged action is a TypeError before anything is sent', async () => {
    await setUp(1);
    // @ts-expect-error not a paged action
    await expect(zim.paginate('UserRegister', {})).rejects.toThrow(TypeError);
    // @ts-expect-error not a paged action
    expect(() => zim.paginate.iterator('SendPeerMessage', {})).toThrow(
      /expected action to be a paged action/,
    );
    expect(server.stats().UserRegister.arrivals + server.stats().SendPeerMessage.arrivals).toBe(0);
  });

  it('options.signal aborts the walk; options.maxItems stops it', async () => {
    await setUp(100);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      zim.paginate('QueryGroupMemberList', { GroupId: 'g' }, { signal: controller.signal }),
    ).rejects.toThrow('stop');
    expect(server.stats().QueryGroupMemberList.arrivals).toBe(0);
    const some = await zim.paginate('QueryGroupMemberList', { GroupId: 'g', Limit: 10 }, { maxItems: 25 });
    expect(some).toHaveLength(25);
    expect(server.stats().QueryGroupMemberList.arrivals).toBe(3);
  });

  it('types items from the documents', () => {
    expectTypeOf<PageItem<'QueryGroupMemberList'>>().toEqualTypeOf<{
      UserId?: string;
      UserName?: string;
      UserNickName?: string;
      Role?: 1 | 2 | 3;
    }>();
    type Members = ReturnType<typeof zim.paginate<'QueryGroupMemberList'>>;
    expectTypeOf<Members>().toEqualTypeOf<Promise<PageItem<'QueryGroupMemberList'>[]>>();
  });
});
