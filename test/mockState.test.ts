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
const start = () => startTracked({ limits: { QueryAppGroupList: false } });
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

describe('users', () => {
  it('registers users, idempotently, and reports invalid items in ErrorList', async () => {
    const server = await start();
    const body = await call(server, 'UserRegister', {
      UserInfo: [
        { UserId: 'u1', UserName: 'Ann' },
        { UserId: 'u2', UserName: 'Bob', UserAvatar: 'https://example.com/b.png' },
        { UserId: 'u3', UserName: 'x'.repeat(65) },
        { UserId: 'u4', UserName: '€'.repeat(22) }, // 66 bytes in UTF-8
        { UserId: 'u5', UserName: 'y'.repeat(64) },
        { UserName: 'nobody' },
      ],
    });
    expect(body.Code).toBe(0);
    expect(body['ErrorList']).toEqual([
      { UserId: 'u3', SubCode: 50014, SubMessage: expect.any(String) },
      { UserId: 'u4', SubCode: 50014, SubMessage: expect.any(String) },
      { UserId: '', SubCode: 660000002, SubMessage: expect.any(String) },
    ]);
    expect([...server.state.users.keys()]).toEqual(['u1', 'u2', 'u5']);
    expect(server.state.users.get('u2')).toMatchObject({
      UserName: 'Bob',
      UserAvatar: 'https://example.com/b.png',
    });

    const again = await call(server, 'UserRegister', { UserInfo: [{ UserId: 'u1', UserName: 'Anna' }] });
    expect(again).toMatchObject({ Code: 0, ErrorList: [] });
    expect(server.state.users.size).toBe(3);
    expect(server.state.users.get('u1')?.UserName).toBe('Anna');
  });

  it('refuses a UserInfo that is not a list', async () => {
    const server = await start();
    expect((await call(server, 'UserRegister', { UserInfo: 'u1' })).Code).toBe(660000002);
  });

  it('queries user infos; unknown users go to ErrorList with 51102', async () => {
    const server = await start();
    await call(server, 'UserRegister', { UserInfo: [{ UserId: 'u1', UserName: 'Ann' }] });
    const body = await call(server, 'QueryUserInfos', { UserIds: ['u1', 'ghost'] });
    expect(body).toMatchObject({
      Code: 0,
      Result: [{ UserId: 'u1', UserName: 'Ann', UserAvatar: '' }],
      ErrorList: [{ UserId: 'ghost', SubCode: 51102 }],
    });
  });
});

describe('parameters', () => {
  it('reads GET array parameters (UserIds[]=a&UserIds[]=b), also for a POST action', async () => {
    const server = await start();
    await call(server, 'UserRegister', {
      UserInfo: [
        { UserId: 'a', UserName: 'A' },
        { UserId: 'b', UserName: 'B' },
      ],
    });
    const body = await call(server, 'QueryUserInfos', { UserIds: ['a', 'b', 'c'] }, 'GET');
    expect((body['Result'] as unknown[]).length).toBe(2);
    expect(body['ErrorList']).toEqual([{ UserId: 'c', SubCode: 51102, SubMessage: expect.any(String) }]);
  });

  it('reads a JSON body for a GET action sent as POST', async () => {
    const server = await start();
    for (const id of ['g1', 'g2', 'g3']) await call(server, 'CreateGroup', { FromUserId: 'o', GroupId: id });
    const viaGet = await call(server, 'QueryAppGroupList', { Limit: 2, Next: 1 }, 'GET');
    const viaPost = await call(server, 'QueryAppGroupList', { Limit: 2, Next: 1 });
    expect(viaGet).toMatchObject({ TotalCount: 3, Next: 0, GroupIdList: [{ GroupId: 'g3', GroupName: '' }] });
    expect(viaPost).toMatchObject({ TotalCount: 3, Next: 0, GroupIdList: [{ GroupId: 'g3' }] });
  });

  it('answers Code 2 for a body that is not a JSON object', async () => {
    const server = await start();
    expect((await call(server, 'SendPeerMessage', {}, 'POST', '{"FromUserId":')).Code).toBe(2);
    expect((await call(server, 'SendPeerMessage', {}, 'POST', '[1,2]')).Code).toBe(2);
    expect((await call(server, 'CallInvite', {}, 'POST', '')).Code).toBe(0);
    expect(server.state.messages).toHaveLength(0);
    expect(server.stats().SendPeerMessage).toMatchObject({ admitted: 0, codes: { '2': 2 } });
  });

  it('answers Code 0 for documented actions without state', async () => {
    const server = await start();
    expect((await call(server, 'DismissGroup', { GroupId: 'g' }, 'GET')).Code).toBe(0);
    expect((await call(server, 'AddFriends', { FromUserId: 'a' })).Code).toBe(0);
  });
});

describe('groups', () => {
  it('creates groups, pages members, kicks out, lists groups', async () => {
    const server = await start();
    const created = await call(server, 'CreateGroup', {
      FromUserId: 'owner',
      GroupId: 'team',
      GroupName: 'Team',
      UserIds: ['m1', 'm2', 'm3', 'm4'],
    });
    expect(created).toMatchObject({ Code: 0, GroupId: 'team' });
    expect((await call(server, 'CreateGroup', { FromUserId: 'owner', GroupId: 'team' })).Code).toBe(
      660600011,
    );
    const auto = await call(server, 'CreateGroup', { FromUserId: 'owner', GroupName: 'Auto' });
    expect(auto['GroupId']).toMatch(/\S/);
    expect(server.state.groups.get('team')).toMatchObject({
      GroupName: 'Team',
      OwnerId: 'owner',
      MemberIds: ['owner', 'm1', 'm2', 'm3', 'm4'],
    });

    const page0 = await call(server, 'QueryGroupMemberList', { GroupId: 'team', Limit: 2, Next: 0 });
    expect(page0).toMatchObject({
      Code: 0,
      TotalCount: 5,
      Next: 1,
      MemberList: [{ UserId: 'owner' }, { UserId: 'm1' }],
    });
    const page2 = await call(server, 'QueryGroupMemberList', { GroupId: 'team', Count: 2, Next: 2 });
    expect(page2).toMatchObject({ Next: 0, MemberList: [{ UserId: 'm4' }] });
    expect((await call(server, 'QueryGroupMemberList', { GroupId: 'nope' })).Code).toBe(660600001);

    const kicked = await call(server, 'KickoutGroupUser', { GroupId: 'team', UserIds: ['m1', 'stranger'] });
    expect(kicked).toMatchObject({ Code: 0, ErrorList: [{ UserId: 'stranger', SubCode: 660600008 }] });
    expect(server.state.groups.get('team')?.MemberIds).toEqual(['owner', 'm2', 'm3', 'm4']);

    const list = await call(server, 'QueryAppGroupList', {}, 'GET');
    expect(list).toMatchObject({ TotalCount: 2, Next: 0 });
    expect(list['GroupIdList']).toContainEqual({ GroupId: 'team', GroupName: 'Team' });
  });
});

describe('messages', () => {
  it('records each SendPeerMessage with a server MsgId', async () => {
    const server = await start();
    const first = await call(server, 'SendPeerMessage', {
      FromUserId: 'a',
      ToUserId: ['b', 'c'],
      MessageType: 1,
      Priority: 1,
      MessageBody: { Message: 'hello' },
    });
    const second = await call(server, 'SendPeerMessage', {
      FromUserId: 'b',
      ToUserId: ['a'],
      MessageType: 1,
      MessageBody: {},
    });
    expect(first).toMatchObject({ Code: 0, MsgId: 1, ErrorList: [] });
    expect(second['MsgId']).toBe(2);
    expect(server.state.messages).toEqual([
      {
        MsgId: 1,
        FromUserId: 'a',
        ToUserId: ['b', 'c'],
        MessageType: 1,
        MessageBody: { Message: 'hello' },
        SentAt: expect.any(Number),
      },
      expect.objectContaining({ MsgId: 2, FromUserId: 'b' }),
    ]);
    expect((await call(server, 'SendPeerMessage', { FromUserId: 'a' })).Code).toBe(660000002);
  });
});

describe('types', () => {
  it('exposes read-only state and complete stats for documented actions', async () => {
    const server = await start();
    expectTypeOf(server.state).toEqualTypeOf<MockStateView>();
    expectTypeOf(server.stats().SendPeerMessage).toEqualTypeOf<MockActionStats>();
    expectTypeOf(server.stats()['MyAction']).toEqualTypeOf<MockActionStats | undefined>();
    // @ts-expect-error the state is read-only from outside
    server.state.messages.push;
    // @ts-expect-error the state is read-only from outside
    server.state.users.set;
    // @ts-expect-error options are checked at compile time too
    await expect(startMockZimServer({ appId: '1' })).rejects.toThrow(TypeError);
  });
});
