import { afterEach, describe, expect, it } from 'vitest';
import { createZimClient, PAGED_ACTIONS, type ZimClient } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';

// Walks of the paged actions test/paginate.test.ts does not walk, against the mock's opaque
// cursors (a computed page number is refused there, as it fails against ZEGO): every item once, in
// order, one call per page, and the walk ends on the field the documents name.

let server: MockZimServer;
let zim: ZimClient;
const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const text = (Message: string) => ({ MessageType: 1, Priority: 1 as const, MessageBody: { Message } });

/** The setup's own calls go unthrottled (on both sides); the walks keep their documented limits. */
const SETUP = ['SendPeerMessage', 'SendGroupMessage', 'CreateGroup', 'MuteGroup', 'MuteGroupMembers'];
const OPEN = Object.fromEntries(SETUP.map((a) => [a, false as const]));

async function setUp(users: string[]) {
  server = await startMockZimServer({ users, limits: OPEN });
  zim = createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    limits: OPEN,
  });
}
afterEach(async () => {
  await zim?.close();
  await server?.close();
});

/** Every page's answer of a walk, and the cursors the client sent (read back from the answers). */
async function pagesOf(action: string, params: Record<string, unknown>) {
  const pages: Record<string, unknown>[] = [];
  const iterate = zim.paginate.iterator as (a: string, p: unknown) => AsyncIterable<Record<string, unknown>>;
  for await (const page of iterate(action, params)) pages.push(page);
  return pages;
}

describe('zim.paginate walks every documented paged action to its documented end', () => {
  it('QueryFriendList (GET, Next required, 0 on the first page; FriendInfos): 45 friends, pages of 20, ends on Next 0', async () => {
    const friends = ids(45, 'f');
    await setUp(['me', ...friends]);
    await zim.batch('AddFriends', { FromUserId: 'me', FriendInfos: friends.map((UserId) => ({ UserId })) });
    server.resetStats();
    const pages = await pagesOf('QueryFriendList', { FromUserId: 'me', Limit: 20 });
    expect(pages.map((p) => (p['FriendInfos'] as unknown[]).length)).toEqual([20, 20, 5]);
    expect(pages.map((p) => p['Next'] === 0)).toEqual([false, false, true]);
    const all = await zim.paginate('QueryFriendList', { FromUserId: 'me', Limit: 20 });
    expect(all.map((f) => f.UserId)).toEqual(friends);
    expect(server.stats().QueryFriendList.arrivals).toBe(6);
    // The default Limit is the documented maximum (100): one call.
    server.resetStats();
    expect(await zim.paginate('QueryFriendList', { FromUserId: 'me' })).toHaveLength(45);
    expect(server.stats().QueryFriendList.arrivals).toBe(1);
    expect(PAGED_ACTIONS.QueryFriendList.maxLimit).toBe(100);
  });

  it('QueryConversationList (List, most recent first): 130 conversations, pages of 50, ends on Next 0', async () => {
    const peers = ids(130, 'p');
    await setUp(['me', ...peers]);
    await zim.batch('SendPeerMessage', { FromUserId: 'me', ToUserId: peers, ...text('hi') });
    server.resetStats();
    const pages = await pagesOf('QueryConversationList', { FromUserId: 'me', Limit: 50 });
    expect(pages.map((p) => (p['List'] as unknown[]).length)).toEqual([50, 50, 30]);
    expect(pages.at(-1)?.['Next']).toBe(0);
    const all = await zim.paginate('QueryConversationList', { FromUserId: 'me', Limit: 50 });
    expect(new Set(all.map((c) => c.ConvId))).toEqual(new Set(peers));
    expect(all).toHaveLength(130);
    expect(server.stats().QueryConversationList.arrivals).toBe(6);
  });

  it('QueryPeerMsg (List, MsgSeq order): 230 messages, the default Limit (100), ends on Next 0', async () => {
    await setUp(['ann', 'bob']);
    for (let i = 0; i < 230; i++)
      await zim.call('SendPeerMessage', {
        FromUserId: i % 2 ? 'bob' : 'ann',
        ToUserId: [i % 2 ? 'ann' : 'bob'],
        ...text(`m${i}`),
      });
    server.resetStats();
    const all = await zim.paginate('QueryPeerMsg', { FromUserId: 'ann', ToUserId: 'bob' });
    expect(all.map((m) => m.MsgSeq)).toEqual(Array.from({ length: 230 }, (_, i) => i + 1));
    expect(server.stats().QueryPeerMsg.arrivals).toBe(3); // 100 + 100 + 30
    const pages = await pagesOf('QueryPeerMsg', { FromUserId: 'ann', ToUserId: 'bob', Limit: 100 });
    expect(pages.map((p) => p['Next'] === 0)).toEqual([false, false, true]);
  });

  it('QueryGroupMsg (List): 120 messages, pages of 25, ends on Next 0; an empty group is one page', async () => {
    await setUp(['owner', 'm']);
    await zim.call('CreateGroup', { GroupId: 'g', GroupOwner: 'owner', UserId: ['m'] });
    await zim.call('CreateGroup', { GroupId: 'empty', GroupOwner: 'owner', UserId: [] });
    for (let i = 0; i < 120; i++)
      await zim.call('SendGroupMessage', { FromUserId: 'owner', GroupId: 'g', ...text(`m${i}`) });
    server.resetStats();
    const all = await zim.paginate('QueryGroupMsg', { GroupId: 'g', Limit: 25 });
    expect(all.map((m) => m.MsgSeq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(server.stats().QueryGroupMsg.arrivals).toBe(5);
    expect(await zim.paginate('QueryGroupMsg', { GroupId: 'empty' })).toEqual([]);
    expect(server.stats().QueryGroupMsg.arrivals).toBe(6);
  });

  it("FetchForbidGroupList (StartFlag in, numeric NextFlag out; GroupList): 230 groups, pages of the server's size, ends on FetchEnd 1", async () => {
    await setUp(['owner', 'x']);
    for (let i = 0; i < 230; i++) {
      await zim.call('CreateGroup', { GroupId: `g${i}`, GroupOwner: 'owner', UserId: ['x'] });
      if (i % 2)
        await zim.call('MuteGroup', {
          FromUserId: 'owner',
          GroupId: `g${i}`,
          IsAllMuted: true,
          Duration: -1,
        });
      else
        await zim.call('MuteGroupMembers', {
          FromUserId: 'owner',
          GroupId: `g${i}`,
          UserIds: ['x'],
          Duration: -1,
        });
    }
    server.resetStats();
    const pages = await pagesOf('FetchForbidGroupList', { FromUserId: 'x' });
    expect(pages.map((p) => [(p['GroupList'] as unknown[]).length, p['FetchEnd']])).toEqual([
      [100, 0],
      [100, 0],
      [30, 1],
    ]);
    const all = await zim.paginate('FetchForbidGroupList', { FromUserId: 'x' });
    expect(all.map((g) => g.GroupId)).toEqual(ids(230, 'g'));
    expect(all.map((g) => g.ForbidType).slice(0, 2)).toEqual([2, 1]);
    expect(server.stats().FetchForbidGroupList.arrivals).toBe(6);
    expect(PAGED_ACTIONS.FetchForbidGroupList).toMatchObject({ cursor: 'StartFlag', endFlag: 'FetchEnd' });
  });

  it('a walk passes back the cursor the server sent: a server whose cursors are not page numbers is walked unchanged', async () => {
    await setUp(['me']);
    server.script('QueryFriendList', [
      { body: { Code: 0, Next: 987654321, FriendInfos: [{ UserId: 'a' }] } },
      { body: { Code: 0, Next: 13, FriendInfos: [{ UserId: 'b' }] } },
      { body: { Code: 0, Next: 0, FriendInfos: [{ UserId: 'c' }] } },
    ]);
    const all = await zim.paginate('QueryFriendList', { FromUserId: 'me' });
    expect(all.map((f) => f.UserId)).toEqual(['a', 'b', 'c']);
    expect(server.stats().QueryFriendList.arrivals).toBe(3);
  });
});
