import { afterEach, describe, expect, it } from 'vitest';
import { createZimClient, isZimApiError, type ZimClient } from '../src/index.js';
import type { MockZimServer } from '../src/mock/index.js';
import { trackServers } from './helpers/mockRequest.js';

const start = trackServers();
const clients: ZimClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

type Body = Record<string, unknown> & { Code: number };
type LooseCall = (action: string, params: Record<string, unknown>) => Promise<Body>;

/** A client of `server`, its `call` taken loosely (any action, any parameters). */
function clientOf(server: MockZimServer): LooseCall {
  const zim = createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
  });
  clients.push(zim);
  return zim.call as unknown as LooseCall;
}
/** The ZIM code a call was refused with (after `attempts` attempts: 1 for a fatal code), or 0. */
async function codeOf(pending: Promise<unknown>, attempts = 1): Promise<number> {
  try {
    await pending;
    return 0;
  } catch (error) {
    if (!isZimApiError(error)) throw error;
    expect(error.attempts).toBe(attempts);
    return error.code;
  }
}
const text = (Message: string) => ({ MessageType: 1, Priority: 1, MessageBody: { Message } });

describe('scenarios through the client', () => {
  it('registers users, makes a group, messages it, queries the messages back by MsgSeq, revokes one', async () => {
    const server = await start();
    const call = clientOf(server);
    const registered = await call('UserRegister', {
      UserInfo: ['ann', 'bob', 'cid', 'dan'].map((id) => ({ UserId: id, UserName: id.toUpperCase() })),
    });
    expect(registered['ErrorList']).toEqual([]);
    const group = await call('CreateGroup', { GroupOwner: 'ann', GroupId: 'team', UserId: ['bob', 'cid'] });
    expect(group).toMatchObject({
      GroupId: 'team',
      Members: [{ UserId: 'ann' }, { UserId: 'bob' }, { UserId: 'cid' }],
    });

    const seqs: number[] = [];
    for (const [from, words] of [
      ['ann', 'hello team'],
      ['bob', 'hi ann'],
      ['cid', 'morning'],
    ] as const) {
      const sent = await call('SendGroupMessage', { ...text(words), FromUserId: from, GroupId: 'team' });
      seqs.push(sent['MsgSeq'] as number);
    }
    expect(seqs).toEqual([1, 2, 3]);
    expect(
      await codeOf(call('SendGroupMessage', { ...text('let me in'), FromUserId: 'dan', GroupId: 'team' })),
    ).toBe(660600024);
    expect(await codeOf(call('SendGroupMessage', { ...text('x'), FromUserId: 'ann', GroupId: 'nope' }))).toBe(
      660600001,
    );

    const bySeq = await call('QueryMessagesByMsgSeq', {
      FromUserId: 'ann',
      ConvId: 'team',
      ConvType: 2,
      MsgSeqList: [1, 3, 9],
    });
    expect(bySeq['MessageList']).toEqual([
      expect.objectContaining({ Sender: 'ann', MsgSeq: 1, MsgBody: { Message: 'hello team' }, IsEmpty: 0 }),
      expect.objectContaining({ Sender: 'cid', MsgSeq: 3, MsgBody: { Message: 'morning' } }),
    ]);

    expect(await codeOf(call('RevokeGroupMessage', { FromUserId: 'ann', GroupId: 'team', MsgSeq: 2 }))).toBe(
      660000026,
    );
    await call('RevokeGroupMessage', { FromUserId: 'bob', GroupId: 'team', MsgSeq: 2 });
    expect(await codeOf(call('RevokeGroupMessage', { FromUserId: 'bob', GroupId: 'team', MsgSeq: 2 }))).toBe(
      660000023,
    );
    expect(await codeOf(call('RevokeGroupMessage', { FromUserId: 'bob', GroupId: 'team', MsgSeq: 7 }))).toBe(
      660000022,
    );
    const history = await call('QueryGroupMsg', { GroupId: 'team', Limit: 10, Next: 0 });
    expect((history['List'] as { MsgSeq: number }[]).map((m) => m.MsgSeq)).toEqual([1, 3]);
    const withEmpty = await call('QueryGroupMsg', { GroupId: 'team', WithEmptyMsg: 1 });
    expect(withEmpty['List']).toContainEqual(expect.objectContaining({ MsgSeq: 2, IsEmpty: 1, MsgBody: '' }));

    // One-to-one: each receiver its own MsgSeq; oneself and unregistered users in ErrorList.
    const peer = await call('SendPeerMessage', {
      ...text('psst'),
      FromUserId: 'ann',
      ToUserId: ['bob', 'ann', 'zed'],
    });
    expect(peer).toMatchObject({
      SuccList: [{ UserId: 'bob', MsgSeq: 1, MsgId: expect.any(String) }],
      ErrorList: [
        { UserId: 'ann', SubCode: 660000002 },
        { UserId: 'zed', SubCode: 660700015 },
      ],
    });
    expect(server.state.received('bob')).toEqual([expect.objectContaining({ Sender: 'ann', MsgSeq: 1 })]);
    const conversations = await call('QueryConversationList', { FromUserId: 'bob' });
    expect(conversations['List']).toEqual([
      expect.objectContaining({ ConvId: 'ann', ConvType: 0 }),
      expect.objectContaining({ ConvId: 'team', ConvType: 2 }),
    ]);
    expect(server.state.conversationsOf('bob')[0]).toMatchObject({ ConvId: 'ann', UnreadCount: 1 });
    await call('ClearConversationUnread', { FromUserId: 'bob', ConvId: 'ann', ConvType: 0 });
    expect(server.state.conversationsOf('bob')[0]).toMatchObject({ UnreadCount: 0 });
  });

  it('friends and blocklist', async () => {
    const server = await start({ users: ['ann', 'bob', 'cid', 'dan'] });
    const call = clientOf(server);
    const added = await call('AddFriends', {
      FromUserId: 'ann',
      FriendInfos: [
        { UserId: 'bob', FriendAlias: 'Bobby', Attributes: [{ Key: 'k0', Value: 'school' }] },
        { UserId: 'ann' },
        { UserId: 'zed' },
      ],
    });
    expect(added['ErrorList']).toEqual([
      { UserId: 'ann', SubCode: 660800020 },
      { UserId: 'zed', SubCode: 660700015 },
    ]);
    const again = await call('AddFriends', { FromUserId: 'ann', FriendInfos: [{ UserId: 'bob' }] });
    expect(again['ErrorList']).toEqual([{ UserId: 'bob', SubCode: 660800027 }]);
    expect(
      await codeOf(
        call('AddFriends', { FromUserId: 'ann', FriendInfos: [{ UserId: 'cid' }, { UserId: 'cid' }] }),
      ),
    ).toBe(660800022);
    expect(server.state.friendsOf('bob').map((f) => f.UserId)).toEqual(['ann']);

    const list = await call('QueryFriendList', { FromUserId: 'ann', Limit: 10, Next: 0 });
    expect(list).toMatchObject({
      TotalCount: 1,
      FriendInfos: [
        {
          UserId: 'bob',
          UserName: 'bob',
          FriendAlias: 'Bobby',
          Attributes: [{ Key: 'k0', Value: 'school' }],
        },
      ],
    });
    await call('UpdateFriendsAlias', { FromUserId: 'ann', UserIds: [{ UserId: 'bob', FriendAlias: 'B.' }] });
    expect(server.state.friendsOf('ann')[0]?.FriendAlias).toBe('B.');
    await call('SendFriendApplication', {
      FromUserId: 'cid',
      FriendInfos: [{ UserId: 'ann', Wording: 'hi' }],
    });
    expect(server.state.friendApplicationsTo('ann')).toEqual([
      expect.objectContaining({ FromUserId: 'cid', Wording: 'hi' }),
    ]);

    await call('DeleteFriends', { FromUserId: 'bob', UserIds: ['ann'], DeleteType: 1 }); // one way
    const relation = await call('CheckFriendsRelation', {
      FromUserId: 'ann',
      UserIds: ['bob', 'cid'],
      CheckType: 1,
    });
    expect(relation['Successes']).toEqual([
      { UserId: 'bob', Relation: 1 },
      { UserId: 'cid', Relation: 0 },
    ]);
    const notFriend = await call('DeleteFriends', {
      FromUserId: 'ann',
      UserIds: ['cid', 'ann'],
      DeleteType: 0,
    });
    expect(notFriend['ErrorList']).toEqual([
      { UserId: 'cid', SubCode: 660800034 },
      { UserId: 'ann', SubCode: 660800033 },
    ]);

    const blocked = await call('AddUsersToBlacklist', { FromUserId: 'ann', UserIds: ['dan', 'ann', 'zed'] });
    expect(blocked['ErrList']).toEqual([
      { UserId: 'ann', SubCode: 660800038 },
      { UserId: 'zed', SubCode: 660800001 },
    ]);
    expect(await codeOf(call('AddUsersToBlacklist', { FromUserId: 'ann', UserIds: ['ann'] }))).toBe(
      660800041,
    );
    const checked = await call('CheckUsersIsInBlacklist', { FromUserId: 'ann', UserIds: ['dan', 'bob'] });
    expect(checked['Succ']).toEqual([
      { UserId: 'dan', Result: 1 },
      { UserId: 'bob', Result: 0 },
    ]);
    const query = await call('QueryBlacklist', { FromUserId: 'ann', Limit: 10, Next: 0 });
    expect(query).toMatchObject({ TotalCount: 1, Blacklist: [{ UserId: 'dan', UserName: 'dan' }] });
    await call('RemoveUsersFromBlacklist', { FromUserId: 'ann', UserIds: ['dan'] });
    expect(server.state.blacklistOf('ann')).toEqual([]);
    expect(await codeOf(call('RemoveUsersFromBlacklist', { FromUserId: 'ann', UserIds: ['dan'] }))).toBe(
      660800042,
    );
  });

  it('a room with attributes', async () => {
    const server = await start({ users: ['ann', 'bob'] });
    const call = clientOf(server);
    const created = await call('CreateRoom', {
      FromUserId: 'ann',
      RoomId: 'stage',
      RoomName: 'Stage',
      Attributes: [
        { Key: 'topic', Value: 'news' },
        { Key: 'seat1', Value: 'ann', AutoDelete: 1 },
      ],
    });
    expect(created['AttributeSeq']).toBe(2);
    expect(await codeOf(call('CreateRoom', { FromUserId: 'ann', RoomId: 'stage' }))).toBe(660300014);
    const modified = await call('ModifyRoomAttribute', {
      FromUserId: 'ann',
      RoomId: 'stage',
      Attributes: [
        { Action: 0, Key: 'topic', Value: 'sport' },
        { Action: 1, Key: 'seat1' },
        { Action: 1, Key: 'nothing' },
      ],
    });
    expect(modified).toMatchObject({
      AttributeSeq: 4,
      SuccKeyList: [
        { Key: 'topic', Seq: 3 },
        { Key: 'seat1', Seq: 4 },
      ],
      ErrKeyList: [{ Key: 'nothing', SubCode: 660000002 }],
    });
    const attributes = await call('QueryRoomAttribute', { FromUserId: 'bob', RoomId: 'stage' });
    expect(attributes).toMatchObject({
      AttributeSeq: 4,
      Attributes: [{ Key: 'topic', Value: 'sport', Seq: 3 }],
    });

    server.joinRoom('stage', ['bob']);
    const users = await call('QueryRoomUserList', { RoomId: 'stage' });
    expect(users).toMatchObject({ Count: 2, UserList: [{ UserId: 'ann' }, { UserId: 'bob' }] });
    const members = await call('QueryRoomMembers', { RoomId: 'stage', UserId: ['bob', 'zed'] });
    expect(members).toMatchObject({
      UserList: [{ user_id: 'bob', user_name: 'bob' }],
      ErrorList: [{ UserId: 'zed', SubCode: 660300012 }],
    });
    await call('SendRoomMessage', { ...text('on air'), FromUserId: 'bob', RoomId: 'stage' });
    const seq = server.state.rooms.get('stage')?.Messages[0]?.MsgSeq;
    expect(seq).toBe(1);
    expect(await codeOf(call('RevokeRoomMessage', { FromUserId: 'ann', RoomId: 'stage', MsgSeq: 1 }))).toBe(
      660000026,
    );
    await call('RevokeRoomMessage', { FromUserId: 'bob', RoomId: 'stage', MsgSeq: 1 });
    await call('KickoutRoomUser', { RoomId: 'stage', UserId: ['bob'] });
    expect(server.state.rooms.get('stage')?.MemberIds).toEqual(['ann']);
    expect(await codeOf(call('KickoutRoomUser', { RoomId: 'stage', UserId: ['bob'] }))).toBe(660300002);
    await call('DestroyRoom', { RoomId: 'stage' });
    expect(await codeOf(call('QueryRoomAttribute', { FromUserId: 'ann', RoomId: 'stage' }))).toBe(660300001);
    expect(() => server.joinRoom('stage', ['bob'])).toThrow(/roomId.*stage/);
  });

  it('call invitations: accept, reject, time out', async () => {
    const server = await start({ users: ['ann', 'bob', 'cid'] });
    const call = clientOf(server);
    expect(
      await codeOf(call('CallInvite', { FromUserId: 'ann', UserIds: ['bob', 'zed'], OfflinePush: {} })),
    ).toBe(660900003);
    const invited = await call('CallInvite', {
      FromUserId: 'ann',
      UserIds: ['bob', 'cid'],
      Timeout: 30,
      OfflinePush: {},
    });
    const CallId = invited['CallId'] as string;
    await call('CallAccept', { FromUserId: 'bob', CallId });
    expect(await codeOf(call('CallReject', { FromUserId: 'ann', CallId }))).toBe(660900008);
    // 660900004 ("error getting call information") is retryable: the client tries the retry budget.
    const zim = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      retry: { maxAttempts: 2, minDelayMs: 1, maxDelayMs: 1 },
    });
    clients.push(zim);
    const once = zim.call as unknown as LooseCall;
    expect(await codeOf(once('CallAccept', { FromUserId: 'bob', CallId: 'nope' }), 2)).toBe(660900004);
    server.setClockOffset(31_000); // past the 30 s Timeout, well within the 10 min Timestamp check
    expect(await codeOf(call('CallReject', { FromUserId: 'cid', CallId }))).toBe(660900006);
    expect(server.state.calls.get(CallId)?.Callees).toEqual(
      new Map([
        ['bob', 'accepted'],
        ['cid', 'invited'],
      ]),
    );
  });
});
