import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type MockActionStats,
  type MockStateView,
  type MockZimServer,
  startMockZimServer,
} from '../src/mock/index.js';
import { mockClient, trackServers, type ZimBody } from './helpers/mockRequest.js';

const client = mockClient();
const startTracked = trackServers();
const start = (options: Parameters<typeof startTracked>[0] = {}) =>
  startTracked({ limits: { QueryAppGroupList: false }, ...options });
/** A signed call (a POST body labelled JSON); expects HTTP 200 and gives the body. */
async function call(
  server: MockZimServer,
  action: string,
  params: Record<string, unknown> = {},
  method: 'GET' | 'POST' = 'POST',
  rawBody?: string,
): Promise<ZimBody> {
  const reply = await client.call(server, action, params, {
    method,
    rawBody,
    contentType: 'application/json',
  });
  expect(reply.status).toBe(200);
  return reply.json();
}
const text = (Message: string) => ({ MessageType: 1, Priority: 1, MessageBody: { Message } });

describe('users', () => {
  it('registers users; byte limits and users that exist go to ErrorList', async () => {
    const server = await start();
    const body = await call(server, 'UserRegister', {
      UserInfo: [
        { UserId: 'u1', UserName: 'Ann' },
        { UserId: 'u2', UserName: 'Bob', UserAvatar: 'https://example.com/b.png' },
        { UserId: 'u3', UserName: '€'.repeat(90) }, // 90 characters, 270 bytes in UTF-8
        { UserId: '€'.repeat(11), UserName: 'x' }, // 11 characters, 33 bytes
        { UserId: 'u5', UserName: 'y'.repeat(256) },
      ],
    });
    expect(body.Code).toBe(0);
    expect(body['ErrorList']).toEqual([
      { UserId: 'u3', SubCode: 660700006, SubMessage: expect.any(String) },
      { UserId: '€'.repeat(11), SubCode: 660000012, SubMessage: expect.any(String) },
    ]);
    expect([...server.state.users.keys()]).toEqual(['u1', 'u2', 'u5']);
    expect(server.state.users.get('u2')).toMatchObject({
      UserName: 'Bob',
      UserAvatar: 'https://example.com/b.png',
    });

    const again = await call(server, 'UserRegister', { UserInfo: [{ UserId: 'u1', UserName: 'Anna' }] });
    expect(again).toMatchObject({ Code: 0, ErrorList: [{ UserId: 'u1', SubCode: 660700002 }] });
    const modified = await call(server, 'ModifyUserInfo', {
      UserInfo: [
        { UserId: 'u1', UserName: 'Anna', Extra: 'vip' },
        { UserId: 'ghost', UserName: 'G' },
      ],
    });
    expect(modified).toMatchObject({ Code: 0, ErrorList: [{ UserId: 'ghost', SubCode: 660700012 }] });
    expect(server.state.users.get('u1')).toMatchObject({ UserName: 'Anna', Extra: 'vip' });
  });

  it('refuses a UserInfo that is not a list, and more than 100 users', async () => {
    const server = await start();
    expect((await call(server, 'UserRegister', { UserInfo: 'u1' })).Code).toBe(660000002);
    const many = Array.from({ length: 150 }, (_, i) => ({ UserId: `u${i}`, UserName: 'x' }));
    expect(await call(server, 'UserRegister', { UserInfo: many })).toMatchObject({
      Code: 660000002,
      Message: 'Invalid parameter: UserInfo must NOT have more than 100 items (maxItems: 100)',
    });
    expect(server.state.users.size).toBe(0);
  });

  it('queries user infos and online state; unknown users go to ErrorList', async () => {
    const server = await start({ users: ['u1', 'u2'] });
    const body = await call(server, 'QueryUserInfos', { UserIds: ['u1', 'ghost'] });
    expect(body).toMatchObject({
      Code: 0,
      Result: [{ UserId: 'u1', UserName: 'u1', UserAvatar: '', Extra: '' }],
      ErrorList: [{ UserId: 'ghost', SubCode: 660700015 }],
    });
    server.setUserOnline('u2', true);
    const online = await call(server, 'QueryUserOnlineState', { UserId: ['u1', 'u2', 'ghost'] }, 'GET');
    expect(online).toMatchObject({
      Result: [
        { UserId: 'u1', Status: 'Offline' },
        { UserId: 'u2', Status: 'Online' },
      ],
      ErrorList: [{ UserId: 'ghost', SubCode: 660200001 }],
    });
    expect(() => server.setUserOnline('ghost', true)).toThrow(/userId.*ghost/);
  });
});

describe('parameters', () => {
  it('reads GET array parameters (UserId[]=a&UserId[]=b) and coerces query strings', async () => {
    const server = await start({ users: ['a', 'b'] });
    const body = await call(server, 'QueryUserOnlineState', { UserId: ['a', 'b', 'c'] }, 'GET');
    expect((body['Result'] as unknown[]).length).toBe(2);
    const one = await call(server, 'QueryUserOnlineState', { UserId: 'a' }, 'GET'); // UserId=a: a list of one
    expect(one).toMatchObject({ Code: 0, Result: [{ UserId: 'a' }] });
    const bad = await call(server, 'QueryBlacklist', { FromUserId: 'a', Limit: 'many', Next: 0 }, 'GET');
    expect(bad).toMatchObject({
      Code: 660000002,
      Message: 'Invalid parameter: Limit must be number (type: number)',
    });
  });

  it('reads a JSON body for a GET action sent as POST', async () => {
    const server = await start({ users: ['o'] });
    for (const id of ['g1', 'g2', 'g3'])
      expect((await call(server, 'CreateGroup', { GroupOwner: 'o', GroupId: id })).Code).toBe(0);
    const { Next } = await call(server, 'QueryAppGroupList', { Limit: 2, Next: 0 });
    const viaGet = await call(server, 'QueryAppGroupList', { Limit: 2, Next }, 'GET');
    const viaPost = await call(server, 'QueryAppGroupList', { Limit: 2, Next });
    expect(viaGet).toMatchObject({ TotalCount: 3, Next: 0, GroupIdList: [{ GroupId: 'g3', GroupName: '' }] });
    expect(viaPost).toMatchObject({ TotalCount: 3, Next: 0, GroupIdList: [{ GroupId: 'g3' }] });
  });

  it('answers Code 2 for a body that is not a JSON object', async () => {
    const server = await start();
    expect((await call(server, 'SendPeerMessage', {}, 'POST', '{"FromUserId":')).Code).toBe(2);
    expect((await call(server, 'SendPeerMessage', {}, 'POST', '[1,2]')).Code).toBe(2);
    expect((await call(server, 'CgiDescribeZIMAudioLicense', {}, 'POST', '')).Code).toBe(0);
    expect(server.state.messages).toHaveLength(0);
    expect(server.stats().SendPeerMessage).toMatchObject({ admitted: 0, codes: { '2': 2 } });
  });

  it('refuses an operator who never registered with 660500002 where the page lists it', async () => {
    const server = await start({ users: ['a'] });
    expect(
      await call(server, 'AddFriends', { FromUserId: 'ghost', FriendInfos: [{ UserId: 'a' }] }),
    ).toMatchObject({
      Code: 660500002,
      Message: expect.stringContaining('ghost'),
    });
    expect(
      (await call(server, 'SendPeerMessage', { ...text('hi'), FromUserId: 'ghost', ToUserId: ['a'] })).Code,
    ).toBe(660500002);
    expect(server.state.messages).toHaveLength(0);
  });
});

describe('groups', () => {
  it('creates groups, pages members, kicks out, lists groups', async () => {
    const server = await start({ users: ['owner', 'm1', 'm2', 'm3', 'm4'] });
    const created = await call(server, 'CreateGroup', {
      GroupOwner: 'owner',
      GroupId: 'team',
      GroupName: 'Team',
      UserId: ['m1', 'm2', 'm3', 'm4', 'ghost'],
    });
    expect(created).toMatchObject({
      Code: 0,
      GroupId: 'team',
      ErrorUsers: [{ UserId: 'ghost', SubCode: 660600017 }],
    });
    expect((await call(server, 'CreateGroup', { GroupOwner: 'owner', GroupId: 'team' })).Code).toBe(
      660600011,
    );
    expect((await call(server, 'CreateGroup', { GroupOwner: 'ghost', GroupId: 'x' })).Code).toBe(660600013);
    const auto = await call(server, 'CreateGroup', { GroupOwner: 'owner', GroupName: 'Auto' });
    expect(auto['GroupId']).toMatch(/\S/);
    expect(server.state.groups.get('team')).toMatchObject({ GroupName: 'Team', OwnerId: 'owner' });
    expect(server.state.groupMembers('team')).toEqual(['owner', 'm1', 'm2', 'm3', 'm4']);

    const page0 = await call(server, 'QueryGroupMemberList', { GroupId: 'team', Limit: 2, Next: 0 });
    expect(page0).toMatchObject({
      Code: 0,
      TotalCount: 5,
      MemberList: [
        { UserId: 'owner', Role: 1 },
        { UserId: 'm1', Role: 3 },
      ],
    });
    // cursors are opaque: a page number is refused, the cursor the server sent is followed
    expect(page0['Next']).not.toBe(1);
    const byNumber = await call(server, 'QueryGroupMemberList', { GroupId: 'team', Limit: 2, Next: 1 });
    expect(byNumber.Code).toBe(660000002);
    const page1 = await call(server, 'QueryGroupMemberList', {
      GroupId: 'team',
      Limit: 2,
      Next: page0['Next'],
    });
    const page2 = await call(server, 'QueryGroupMemberList', {
      GroupId: 'team',
      Limit: 2,
      Next: page1['Next'],
    });
    expect(page2).toMatchObject({ Next: 0, MemberList: [{ UserId: 'm4' }] });
    expect((await call(server, 'QueryGroupMemberList', { GroupId: 'nope' })).Code).toBe(660600001);

    const kicked = await call(server, 'KickoutGroupUser', {
      FromUserId: 'owner',
      GroupId: 'team',
      UserId: ['m1', 'stranger'],
    });
    expect(kicked).toMatchObject({ Code: 0, ErrorList: [{ UserId: 'stranger', SubCode: 660600008 }] });
    expect(server.state.groupMembers('team')).toEqual(['owner', 'm2', 'm3', 'm4']);

    const list = await call(server, 'QueryAppGroupList', {}, 'GET');
    expect(list).toMatchObject({ TotalCount: 2, Next: 0 });
    expect(list['GroupIdList']).toContainEqual({ GroupId: 'team', GroupName: 'Team' });
  });

  it('checks roles, membership and mute with the codes of each page', async () => {
    const server = await start({
      users: ['o', 'm', 'n', 'out'],
      limits: { DismissGroup: false, TransferGroupOwner: false },
    });
    await call(server, 'CreateGroup', { GroupOwner: 'o', GroupId: 'g', UserId: ['m', 'n'] });
    const get = (action: string, params: Record<string, unknown>) =>
      call(server, action, { GroupId: 'g', ...params }, 'GET');
    expect((await get('MuteGroup', { FromUserId: 'm', IsAllMuted: true })).Code).toBe(660600032); // no permission
    expect((await get('MuteGroup', { FromUserId: 'out', IsAllMuted: true })).Code).toBe(660600024); // not in group
    expect((await get('SetGroupMemberRole', { FromUserId: 'o', ToUserId: 'o', Role: 2 })).Code).toBe(
      660600030,
    );
    expect((await get('SetGroupMemberRole', { FromUserId: 'o', ToUserId: 'm', Role: 1 })).Code).toBe(
      660000002,
    );
    expect((await get('SetGroupMemberRole', { FromUserId: 'o', ToUserId: 'm', Role: 2 })).Code).toBe(0);
    expect((await get('MuteGroupMembers', { FromUserId: 'm', UserIds: ['n'], Duration: -1 })).Code).toBe(0);
    expect(await get('MuteGroupMembers', { FromUserId: 'm', UserIds: ['out'] })).toMatchObject({
      Code: 660600033,
      ErrorUsers: [{ UserId: 'out', SubCode: 660600024 }],
    });
    const forbidden = await call(server, 'FetchForbidGroupList', { FromUserId: 'n', StartFlag: 0 });
    expect(forbidden).toMatchObject({ FetchEnd: 1, GroupList: [{ GroupId: 'g', ForbidType: 2 }] });
    expect((await get('TransferGroupOwner', { FromUserId: 'o', NewOwner: 'out' })).Code).toBe(660600024);
    expect((await get('TransferGroupOwner', { FromUserId: 'o', NewOwner: 'm' })).Code).toBe(0);
    expect(server.state.groups.get('g')?.OwnerId).toBe('m');
    expect(server.state.groupMembers('g')?.[0]).toBe('m');
    expect((await get('DismissGroup', { FromUserId: 'm' })).Code).toBe(0);
    expect(server.state.groupMembers('g')).toBeUndefined();
    expect((await get('DismissGroup', { FromUserId: 'm' })).Code).toBe(660600001);
  });
});

describe('types', () => {
  it('exposes read-only state and complete stats for documented actions', async () => {
    const server = await start();
    expectTypeOf(server.state).toEqualTypeOf<MockStateView>();
    expectTypeOf(server.stats().SendPeerMessage).toEqualTypeOf<MockActionStats>();
    expectTypeOf(server.stats()['MyAction']).toEqualTypeOf<MockActionStats | undefined>();
    expectTypeOf<ReturnType<MockStateView['received']>[number]['MsgSeq']>().toEqualTypeOf<number>();
    // @ts-expect-error the state is read-only from outside
    server.state.messages.push;
    // @ts-expect-error the state is read-only from outside
    server.state.users.set;
    const group = (view: MockStateView) =>
      // @ts-expect-error the state is read-only from outside
      view.groups.get('g')?.Members.set;
    expect(group).toBeTypeOf('function');
    // @ts-expect-error options are checked at compile time too
    await expect(startMockZimServer({ appId: '1' })).rejects.toThrow(TypeError);
    await expect(startMockZimServer({ users: ['x'.repeat(40)] })).rejects.toThrow(/users/);
    await expect(startMockZimServer({ strict: 'yes' as never })).rejects.toThrow(/strict.*yes/);
  });
});
