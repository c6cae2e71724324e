import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ZIM_ACTIONS } from '../src/generated/actions.js';
import { type MockZimServer, maxInAnyWindow } from '../src/mock/index.js';
import { mockClient, trackServers } from './helpers/mockRequest.js';

const client = mockClient({ connections: 128 });
const startTracked = trackServers();
/** A server with the users the calls below send from. */
const start = (options: Parameters<typeof startTracked>[0] = {}) =>
  startTracked({ users: ['a', 'b', 'x', 'admin'], ...options });
/** Parameters the documents accept, for the actions these tests call without their own. */
const VALID: Record<string, Record<string, unknown>> = {
  CallInvite: { FromUserId: 'a', UserIds: ['b'], OfflinePush: {} },
};
/** A signed call, by GET or POST as the action is documented; its ZIM Code. */
async function call(
  server: MockZimServer,
  action: string,
  params: Record<string, unknown> = VALID[action] ?? {},
): Promise<number> {
  const method =
    (ZIM_ACTIONS as Record<string, { method: string }>)[action]?.method === 'GET' ? 'GET' : 'POST';
  return (await client.call(server, action, params, { method })).json<{ Code: number }>().Code;
}
/** A message from a to b, as the documents require it. */
const message = {
  FromUserId: 'a',
  ToUserId: ['b'],
  MessageType: 1,
  Priority: 1,
  MessageBody: { Message: 'hi' },
};
/** Creates groups (owned by a) and rooms (made by a) without touching the windows under test. */
async function seed(server: MockZimServer, groups: string[], rooms: string[]): Promise<void> {
  for (const GroupId of groups)
    expect(await call(server, 'CreateGroup', { GroupId, GroupOwner: 'a' }), `CreateGroup ${GroupId}`).toBe(0);
  for (const RoomId of rooms)
    expect(await call(server, 'CreateRoom', { RoomId, FromUserId: 'a' }), `CreateRoom ${RoomId}`).toBe(0);
}
const count = (codes: number[], code: number) => codes.filter((c) => c === code).length;
/** A clock the test moves by hand: exact windows without waiting. */
function manualClock() {
  const clock = { t: Date.now(), now: () => clock.t };
  return clock;
}

describe('per-action limits (exact sliding windows)', () => {
  it('accepts exactly 20 of 60 simultaneous calls of a 20/s action, then 20 more exactly 1000 ms later', async () => {
    const clock = manualClock();
    const server = await start({ now: clock.now });
    const burst = () =>
      Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          call(server, 'SendPeerMessage', { ...message, MessageBody: { Message: `hi ${i}` } }),
        ),
      );
    const first = await burst();
    expect(count(first, 0)).toBe(20);
    expect(count(first, 660300005)).toBe(40);
    expect(server.state.messages).toHaveLength(20);

    clock.t += 999;
    expect(await call(server, 'SendPeerMessage', message)).toBe(660300005);
    clock.t += 1;
    const second = await burst();
    expect(count(second, 0)).toBe(20);

    const stats = server.stats().SendPeerMessage;
    expect(stats).toMatchObject({
      arrivals: 121,
      admitted: 40,
      accepted: 40,
      rejected: 81,
      maxInAnySecond: 20,
    });
    expect(stats.codes).toEqual({ '0': 40, '660300005': 81 });
    expect(stats.timestamps).toHaveLength(121);
  });

  it('names what a test checks: refusedByLimit, and arrivals against admitted units per second (issue 33)', async () => {
    const clock = manualClock();
    const server = await start({ now: clock.now });
    const codes = await Promise.all(Array.from({ length: 77 }, () => call(server, 'CallInvite')));
    expect(count(codes, 0)).toBe(20);
    const stats = server.stats().CallInvite;
    expect(stats).toMatchObject({
      arrivals: 77,
      admitted: 20,
      refusedByLimit: 57,
      maxArrivalsInAnySecond: 77, // what the client sent: more than the limit
      maxAdmittedInAnySecond: 20, // what the limit let in: never more
    });
    // the old names, kept as deprecated aliases
    expect(stats.rejected).toBe(stats.refusedByLimit);
    expect(stats.maxInAnySecond).toBe(stats.maxAdmittedInAnySecond);
  });

  it('never lets more than 20 into any real second, and refills after one (real clock)', async () => {
    const server = await start();
    const fire = (n: number) => Promise.all(Array.from({ length: n }, () => call(server, 'CallInvite')));
    const burst = await fire(60);
    expect(count(burst, 0)).toBeGreaterThanOrEqual(20);
    expect(server.stats().CallInvite.maxInAnySecond).toBe(20);

    const fresh = await start();
    const fireFresh = (n: number) => Promise.all(Array.from({ length: n }, () => call(fresh, 'CallInvite')));
    expect(count(await fireFresh(20), 0)).toBe(20);
    await sleep(1050); // every arrival of the first batch is now more than 1000 ms old
    expect(count(await fireFresh(20), 0)).toBe(20);
    expect(fresh.stats().CallInvite.maxInAnySecond).toBe(20);
  });

  it('holds QueryAppGroupList to 1 call per second (660600007)', async () => {
    const clock = manualClock();
    const server = await start({ now: clock.now });
    const codes = await Promise.all([1, 2, 3].map(() => call(server, 'QueryAppGroupList')));
    expect(codes.sort()).toEqual([0, 660600007, 660600007]);
    clock.t += 500;
    expect(await call(server, 'QueryAppGroupList')).toBe(660600007);
    clock.t += 500;
    expect(await call(server, 'QueryAppGroupList')).toBe(0);
  });

  it('gives each group its own 1/s on InviteUsersIntoGroup (660300006)', async () => {
    const clock = manualClock();
    const server = await start({ now: clock.now });
    await seed(server, ['g1', 'g2', 'g3'], []);
    const invite = (groupId: string) =>
      call(server, 'InviteUsersIntoGroup', {
        FromUserId: 'a',
        GroupId: groupId,
        UserIds: ['x'],
        GroupMemberInfos: [{ UserId: 'x' }],
      });
    const codes = await Promise.all(['g1', 'g1', 'g1', 'g2', 'g2', 'g2'].map(invite));
    expect(count(codes, 0)).toBe(2);
    expect(count(codes, 660300006)).toBe(4);
    expect([codes.slice(0, 3), codes.slice(3)].map((c) => count(c, 0))).toEqual([1, 1]);
    expect(await invite('g3')).toBe(0);
    // The action-wide view: three groups, one call each in the same second.
    expect(server.stats().InviteUsersIntoGroup.maxInAnySecond).toBe(3);
  });

  it('keys room-scoped limits by RoomId (QueryRoomMembers, 5/s per room)', async () => {
    const clock = manualClock();
    const server = await start({ now: clock.now });
    await seed(server, [], ['r1', 'r2']);
    const codes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(server, 'QueryRoomMembers', { RoomId: i % 2 === 0 ? 'r1' : 'r2', UserId: ['a'] }),
      ),
    );
    expect(count(codes, 0)).toBe(10);
    expect(count(codes, 660300006)).toBe(2);
  });

  it('weighs QueryMessagesByMsgSeq by the messages asked for', async () => {
    const clock = manualClock();
    // Not strict: the documents name only MsgSeqList; the limiter also weighs MsgSeqs and MsgSeq.
    const server = await start({ now: clock.now, strict: false });
    const query = (n: number, name = 'MsgSeqList') =>
      call(server, 'QueryMessagesByMsgSeq', {
        FromUserId: 'a',
        ConvId: 'b',
        ConvType: 0,
        [name]: Array.from({ length: n }, (_, i) => i + 1),
      });
    expect(await query(15)).toBe(0);
    expect(await query(6)).toBe(660300005); // 21 > 20: refused, consumes nothing
    expect(await query(5, 'MsgSeqs')).toBe(0); // 20
    expect(await query(1, 'MsgSeq')).toBe(660300005);
    expect(await query(21)).toBe(660000002); // can never fit: a bad parameter
    clock.t += 1000;
    expect(await query(20)).toBe(0);
    const stats = server.stats().QueryMessagesByMsgSeq;
    expect(stats).toMatchObject({ accepted: 3, rejected: 2, maxInAnySecond: 20 });
  });

  it('answers each action with its own rate-limit code', async () => {
    const clock = manualClock();
    const expected: Record<string, number> = {
      QueryGroupMemberList: 660600004,
      KickoutGroupUser: 660600005,
      QueryAppGroupList: 660600007,
      UserRegister: 660700001,
      CreateGroup: 660600010,
      SendMessageToAllUsers: 660500003,
      SendPeerMessage: 660300005,
      CgiDescribeZIMAudioLicense: 660300005,
      DismissGroup: 660300006,
      QueryRoomMembers: 660300006,
    };
    const limits = Object.fromEntries(Object.keys(expected).map((a) => [a, { perSecond: 1 }]));
    const server = await start({ now: clock.now, limits });
    for (const [action, code] of Object.entries(expected)) {
      await call(server, action, { GroupId: 'g', RoomId: 'r' });
      expect({ action, code: await call(server, action, { GroupId: 'g', RoomId: 'r' }) }).toEqual({
        action,
        code,
      });
    }
  });

  it('does not let a rejected call consume capacity', async () => {
    const clock = manualClock();
    const server = await start({ now: clock.now });
    expect(await call(server, 'QueryAppGroupList')).toBe(0);
    clock.t += 500;
    expect(await call(server, 'QueryAppGroupList')).toBe(660600007);
    clock.t += 500; // had the refused call counted, the window (t - 1000, t] would still hold it
    expect(await call(server, 'QueryAppGroupList')).toBe(0);
  });

  it('computes maxInAnySecond exactly from arrival times', async () => {
    const clock = manualClock();
    const server = await start({ now: clock.now, limits: { CallInvite: { perSecond: 100 } } });
    const start0 = clock.t;
    for (const offset of [0, 500, 999, 1000, 1499]) {
      clock.t = start0 + offset;
      await Promise.all(Array.from({ length: 5 }, () => call(server, 'CallInvite')));
    }
    const stats = server.stats().CallInvite;
    // (499, 1499] holds the 500, 999, 1000 and 1499 groups: 20; (-1, 999] holds 15.
    expect(stats.maxInAnySecond).toBe(20);
    expect(maxInAnyWindow(stats.timestamps, 1000)).toBe(20);
    expect(stats.accepted).toBe(25);
  });

  it('enforces the daily quota of SendMessageToAllUsers (100 per sliding 24 h) besides 1/s', async () => {
    const clock = manualClock();
    const server = await start({ now: clock.now });
    const t0 = clock.t;
    const send = () =>
      call(server, 'SendMessageToAllUsers', { FromUserId: 'admin', MessageType: 1, MessageBody: {} });
    expect(await send()).toBe(0);
    expect(await send()).toBe(660500003); // the same second
    for (let i = 1; i < 100; i++) {
      clock.t = t0 + i * 1000;
      expect(await send()).toBe(0);
    }
    clock.t = t0 + 100_000;
    expect(await send()).toBe(660500003); // 101st in 24 h
    // A day later on the injected clock: keep the server clock (now + offset) on real time,
    // so that the Timestamp check still passes for this client, which signs with real time.
    clock.t = t0 + 24 * 60 * 60 * 1000 - 1;
    server.setClockOffset(Date.now() - clock.t);
    expect(await send()).toBe(660500003);
    clock.t = t0 + 24 * 60 * 60 * 1000; // the first one has left the window
    expect(await send()).toBe(0);
    expect(server.stats().SendMessageToAllUsers).toMatchObject({ accepted: 101, rejected: 3 });
  });

  it('applies the optional app-wide limit with Code 7', async () => {
    const clock = manualClock();
    const server = await start({ now: clock.now, appLimitPerSecond: 5 });
    const actions = [
      'CallInvite',
      'SendPeerMessage',
      'UserRegister',
      'QueryUserOnlineState',
      'DeleteFriends',
    ];
    const codes = await Promise.all([...actions, ...actions].map((a) => call(server, a)));
    expect(count(codes, 7)).toBe(5);
    expect(codes.length - count(codes, 7)).toBe(5);
  });

  it('merges overrides: a higher limit, no limit, an added action', async () => {
    const clock = manualClock();
    const server = await start({
      now: clock.now,
      limits: { QueryAppGroupList: { perSecond: 3 }, CallInvite: false, MyAction: { perSecond: 2 } },
    });
    const burst = (action: string, n: number) =>
      Promise.all(Array.from({ length: n }, () => call(server, action)));
    expect(count(await burst('QueryAppGroupList', 5), 0)).toBe(3);
    expect(count(await burst('CallInvite', 50), 0)).toBe(50);
    expect(await burst('MyAction', 3)).toEqual(expect.arrayContaining([0, 0, 660300005]));
    expect(server.stats()['MyAction']?.accepted).toBe(2);
  });

  it('counts faulted arrivals toward the window (the server counts arrivals)', async () => {
    const clock = manualClock();
    const server = await start({
      now: clock.now,
      limits: { CallInvite: { perSecond: 2 } },
      faults: { busy: 1 },
    });
    expect([
      await call(server, 'CallInvite'),
      await call(server, 'CallInvite'),
      await call(server, 'CallInvite'),
    ]).toEqual([1, 1, 660300005]);
    expect(server.stats().CallInvite).toMatchObject({
      admitted: 2,
      accepted: 0,
      rejected: 1,
      maxInAnySecond: 2,
    });
  });
});
