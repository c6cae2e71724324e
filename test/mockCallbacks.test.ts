import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CallbackReceiverOptions,
  createCallbackReceiver,
  type GroupCreateEvent,
  type SendMsgEvent,
} from '../src/callbacks/index.js';
import { createZimClient, type ZimClient } from '../src/index.js';
import { REDELIVERY_DELAYS_MS, startMockZimServer } from '../src/mock/index.js';
import { verifyCallbackSignature } from '../src/sign/verifyCallbackSignature.js';

const secret = 'mock-callback-secret';
const servers: Server[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise((r) => {
          s.close(r);
          s.closeAllConnections();
        }),
    ),
  );
});

/** A node:http server on port 0 with `handler`; its URL. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/callbacks`;
}

/** Our receiver behind a real socket. */
async function receiver(options: Partial<CallbackReceiverOptions>) {
  const rx = createCallbackReceiver({ callbackSecret: secret, on: {}, ...options });
  closers.push(() => rx.close());
  return listen((req, res) => void rx.node(req, res));
}

/** A raw receiver recording every delivery (parsed body) and answering with `status(n)`. */
async function rawReceiver(status: (attempt: number) => number) {
  const bodies: Record<string, unknown>[] = [];
  const url = await listen((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => {
      text += c.toString();
    });
    req.on('end', () => {
      bodies.push(JSON.parse(text) as Record<string, unknown>);
      res.statusCode = status(bodies.length);
      res.end();
    });
  });
  return { url, bodies };
}

async function mock(options: Parameters<typeof startMockZimServer>[0]) {
  const server = await startMockZimServer({ callbackSecret: secret, ...options });
  const zim = createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
  });
  closers.push(async () => {
    await zim.close();
    await server.close();
  });
  return { server, zim };
}

const gaps = (ats: readonly number[]) => ats.slice(1).map((at, i) => at - (ats[i] as number));

describe('the mock sends callbacks', () => {
  it('closes the loop both ways: a mock state change reaches our receiver, whose handler calls the mock', async () => {
    const seen: string[] = [];
    let zim: ZimClient | undefined;
    const sent: SendMsgEvent[] = [];
    const url = await receiver({
      on: {
        group_create: async (e) => {
          seen.push(`group_create ${e.group_id} ${e.user_ids.join(',')}`);
          // The other direction: the handler answers through the server API.
          await zim?.call('SendGroupMessage', {
            FromUserId: e.owner_account,
            GroupId: e.group_id,
            MessageType: 1,
            Priority: 1,
            MessageBody: { Message: `welcome to ${e.group_name}` },
          });
        },
        send_msg: (e) => {
          sent.push(e);
        },
        '*': (e) => {
          seen.push(e.event);
        },
      },
    });
    const m = await mock({ callbackUrl: url, users: ['ann', 'bob'], callbackTimeScale: 0.001 });
    zim = m.zim;
    await m.zim.call('CreateGroup', { GroupId: 'g1', GroupName: 'Crew', GroupOwner: 'ann', UserId: ['bob'] });
    await m.server.callbacksSettled();
    await m.server.callbacksSettled(); // the send_msg the handler caused
    expect(seen).toEqual(['group_create g1 ann,bob']);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      event: 'send_msg',
      appid: String(m.server.appId),
      from_user_id: 'ann',
      conv_type: 2,
      conv_id: 'g1',
      msg_body: 'welcome to Crew',
      msg_seq: 1,
      send_result: 0,
    });
    expect(m.server.state.groups.get('g1')?.Messages).toHaveLength(1);
    expect(m.server.callbacks().map((d) => [d.event, d.outcome, d.attempts.length])).toEqual([
      ['group_create', 'delivered', 1],
      ['send_msg', 'delivered', 1],
    ]);
    expectTypeOf<GroupCreateEvent['user_ids']>().toEqualTypeOf<readonly string[]>();
  });

  it('signs each attempt as ZEGO does, in the field shapes of spec/callbacks.json', async () => {
    const raw = await rawReceiver(() => 200);
    const m = await mock({ callbackUrl: raw.url, users: ['ann', 'bob', 'cy'], callbackTimestampUnit: 'ms' });
    await m.zim.call('SendPeerMessage', {
      FromUserId: 'ann',
      ToUserId: ['bob', 'cy'],
      MessageType: 1,
      Priority: 1,
      MessageBody: { Message: '100% sure', ExtendedData: 'x' },
    });
    await m.zim.call('CreateRoom', { RoomId: 'r1', RoomName: 'Lobby', FromUserId: 'ann' });
    m.server.joinRoom('r1', ['bob']);
    await m.zim.call('KickoutRoomUser', { RoomId: 'r1', UserId: ['bob'], FromUserId: 'ann' });
    await m.zim.call('CreateGroup', { GroupId: 'g', GroupOwner: 'ann', UserId: [] });
    await m.zim.call('InviteUsersIntoGroup', {
      GroupId: 'g',
      FromUserId: 'ann',
      UserIds: [],
      GroupMemberInfos: [{ UserId: 'bob' }],
    });
    await m.zim.call('KickoutGroupUser', { GroupId: 'g', FromUserId: 'ann', UserId: ['bob'] });
    await m.zim.call('DismissGroup', { GroupId: 'g', FromUserId: 'ann' });
    m.server.setUserOnline('cy', true);
    await m.server.callbacksSettled();
    const byEvent = Object.fromEntries(raw.bodies.map((b) => [b['event'], b]));
    for (const body of raw.bodies) {
      expect(body['appid']).toBe(String(m.server.appId));
      expect(typeof body['nonce']).toBe('string');
      expect(body['timestamp']).toBeGreaterThan(1e12); // ms, as asked
      expect(
        verifyCallbackSignature({
          signature: body['signature'] as string,
          timestamp: body['timestamp'] as number,
          nonce: body['nonce'] as string,
          callbackSecret: secret,
        }),
      ).toBe(true);
    }
    // A server API peer send: conv_id and msg_id empty, the receivers in user_list.
    expect(byEvent['send_msg']).toMatchObject({
      from_user_id: 'ann',
      conv_type: 0,
      conv_id: '',
      msg_id: '',
      msg_body: '100% sure',
      payload: 'x',
      send_result: 0,
      user_list: [
        { user_id: 'bob', msg_seq: 1 },
        { user_id: 'cy', msg_seq: 1 },
      ],
    });
    expect(byEvent['room_create']).toMatchObject({
      room_id: 'r1',
      room_name: 'Lobby',
      operator_account: 'ann',
    });
    expect(byEvent['room_enter']).toMatchObject({ room_id: 'r1', new_user_ids: ['bob'] });
    expect(byEvent['room_exit']).toMatchObject({
      room_id: 'r1',
      exit_type: 'Kickout',
      exit_user_ids: ['bob'],
    });
    expect(byEvent['group_join']).toMatchObject({
      group_id: 'g',
      join_type: 'Invited',
      new_user_ids: ['bob'],
    });
    expect(byEvent['group_exit']).toMatchObject({ group_id: 'g', exit_user_ids: ['bob'] });
    expect(byEvent['group_destroy']).toMatchObject({
      group_id: 'g',
      owner_account: 'ann',
      user_ids: ['ann'],
    });
    expect(byEvent['user_action']).toMatchObject({ user_id: 'cy', action: 0, relogin: '0' });
  });

  it('redelivers to a receiver answering 503 on the compressed schedule: 2, 4, 8, 16, 32 (× scale), then gives up', async () => {
    const raw = await rawReceiver(() => 503);
    const scale = 0.01; // 20, 40, 80, 160, 320 ms
    const m = await mock({ callbackUrl: raw.url, users: ['ann'], callbackTimeScale: scale });
    await m.zim.call('CreateRoom', { RoomId: 'r', FromUserId: 'ann' });
    await m.server.callbacksSettled();
    const [delivery] = m.server.callbacks();
    expect(delivery?.outcome).toBe('failed');
    expect(delivery?.attempts.map((a) => a.status)).toEqual([503, 503, 503, 503, 503, 503]);
    expect(raw.bodies).toHaveLength(6);
    // Each redelivery waits at least its delay after the previous attempt (a loaded machine only adds).
    const waited = gaps(delivery?.attempts.map((a) => a.at) ?? []);
    waited.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual((REDELIVERY_DELAYS_MS[i] as number) * scale - 1);
    });
    // Every attempt is signed afresh: a new nonce each time.
    expect(new Set(raw.bodies.map((b) => b['nonce'])).size).toBe(6);
  });

  it('a receiver that fails twice then answers 200 gets exactly three attempts', async () => {
    const raw = await rawReceiver((n) => (n <= 2 ? 503 : 204));
    const m = await mock({ callbackUrl: raw.url, users: ['ann'], callbackTimeScale: 0.001 });
    await m.zim.call('CreateRoom', { RoomId: 'r', FromUserId: 'ann' });
    await m.server.callbacksSettled();
    expect(m.server.callbacks()[0]?.attempts.map((a) => a.status)).toEqual([503, 503, 204]);
    expect(m.server.callbacks()[0]?.outcome).toBe('delivered');
  });

  it('our receiver answers 503 to a redelivery that comes while the first is still handled; the next one is a duplicate, handled once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let calls = 0;
    const duplicates: string[] = [];
    const url = await receiver({
      on: {
        room_create: async () => {
          calls++;
          await gate;
        },
      },
      hooks: {
        duplicate: (e) => {
          duplicates.push(e.state);
          if (e.state === 'in progress') release();
        },
      },
    });
    // The first attempt times out (the handler waits for the gate); the redelivery finds it in progress.
    const m = await mock({
      callbackUrl: url,
      users: ['ann'],
      callbackTimeScale: 0.02,
      callbackTimeoutMs: 100,
    });
    await m.zim.call('CreateRoom', { RoomId: 'r', FromUserId: 'ann' });
    await m.server.callbacksSettled();
    const statuses = m.server.callbacks()[0]?.attempts.map((a) => a.status ?? a.error);
    expect(statuses?.slice(0, 2)).toEqual(['timeout', 503]);
    expect(statuses?.at(-1)).toBe(200);
    expect(duplicates[0]).toBe('in progress');
    expect(duplicates.at(-1)).toBe('handled');
    expect(calls).toBe(1);
  });

  it('a handler that throws gets a 500, and the redelivery is handled', async () => {
    let calls = 0;
    const url = await receiver({
      on: {
        group_create: () => {
          calls++;
          if (calls === 1) throw new Error('database down');
        },
      },
    });
    const m = await mock({ callbackUrl: url, users: ['ann'], callbackTimeScale: 0.001 });
    await m.zim.call('CreateGroup', { GroupId: 'g', GroupOwner: 'ann', UserId: [] });
    await m.server.callbacksSettled();
    expect(m.server.callbacks()[0]?.attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(calls).toBe(2);
  });

  it('before_send_msg: the verdict is applied (3 = not sent, the others sent), and a client send gets send_msg naming its conversation', async () => {
    const sent: SendMsgEvent[] = [];
    const url = await receiver({
      on: {
        before_send_msg: (e) =>
          e.msg_body?.includes('spam') ? { result: 3, reason: 'spam' } : { result: 1 },
        send_msg: (e) => {
          sent.push(e);
        },
      },
    });
    const m = await mock({ callbackUrl: url, users: ['ann', 'bob'], callbackBeforeSend: true });
    const blocked = await m.server.sendAsClient({
      FromUserId: 'ann',
      ConvType: 0,
      ConvId: 'bob',
      MessageBody: { Message: 'buy spam now' },
    });
    expect(blocked).toEqual({ sent: false, verdict: 3, reason: 'spam', code: 0 });
    expect(m.server.state.peerConversation('ann', 'bob')).toHaveLength(0);
    const ok = await m.server.sendAsClient({
      FromUserId: 'ann',
      ConvType: 0,
      ConvId: 'bob',
      MessageBody: { Message: 'hello' },
    });
    expect(ok).toMatchObject({ sent: true, verdict: 1, code: 0, MsgSeq: 1 });
    expect(m.server.state.peerConversation('ann', 'bob')).toHaveLength(1);
    await m.server.callbacksSettled();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ conv_type: 0, conv_id: 'bob', msg_id: ok.MsgId, msg_body: 'hello' });
    expect(sent[0]).not.toHaveProperty('user_list');
    // A client send that fails still sends send_msg, with the refusal's code as send_result.
    const refused = await m.server.sendAsClient({
      FromUserId: 'ann',
      ConvType: 2,
      ConvId: 'no-such-group',
      MessageBody: { Message: 'hi' },
    });
    expect(refused.sent).toBe(false);
    await m.server.callbacksSettled();
    expect(sent.at(-1)?.send_result).toBe(refused.code);
    expect(refused.code).not.toBe(0);
  });

  it('before_send_msg: a receiver error means not sent; without callbackBeforeSend no verdict is asked', async () => {
    const raw = await rawReceiver(() => 500);
    const m = await mock({ callbackUrl: raw.url, users: ['ann', 'bob'], callbackBeforeSend: true });
    const result = await m.server.sendAsClient({
      FromUserId: 'ann',
      ConvType: 0,
      ConvId: 'bob',
      MessageBody: { Message: 'x' },
    });
    expect(result).toEqual({ sent: false, verdict: undefined, failure: 'http 500', code: 0 });
    expect(raw.bodies.map((b) => b['event'])).toEqual(['before_send_msg']);
    const plain = await mock({ callbackUrl: raw.url, users: ['ann', 'bob'], callbackTimeScale: 0.001 });
    expect(
      (
        await plain.server.sendAsClient({
          FromUserId: 'ann',
          ConvType: 0,
          ConvId: 'bob',
          MessageBody: { Message: 'y' },
        })
      ).sent,
    ).toBe(true);
  });

  it('checks the callback options: a TypeError naming each, no secret echoed', async () => {
    await expect(startMockZimServer({ callbackUrl: 'ftp://x', callbackSecret: 's' })).rejects.toThrow(
      /callbackUrl/,
    );
    await expect(startMockZimServer({ callbackUrl: 'http://127.0.0.1:1/' })).rejects.toThrow(
      /callbackSecret/,
    );
    await expect(
      startMockZimServer({ callbackUrl: 'http://127.0.0.1:1/', callbackSecret: 's', callbackTimeScale: 0 }),
    ).rejects.toThrow(/callbackTimeScale/);
    await expect(startMockZimServer({ callbackBeforeSend: true })).rejects.toThrow(/callbackUrl/);
    await expect(
      startMockZimServer({
        callbackUrl: 'http://127.0.0.1:1/',
        callbackSecret: 's',
        // @ts-expect-error a wrong unit
        callbackTimestampUnit: 'us',
      }),
    ).rejects.toThrow(/callbackTimestampUnit/);
    const error = await startMockZimServer({
      callbackUrl: 'http://127.0.0.1:1/',
      // @ts-expect-error not a string
      callbackSecret: { hidden: 'top-secret-value' },
    }).catch((e: Error) => e);
    expect(String(error)).not.toContain('top-secret-value');
  });

  it('close() stops redeliveries at once', async () => {
    const raw = await rawReceiver(() => 503);
    const server = await startMockZimServer({ callbackUrl: raw.url, callbackSecret: secret, users: ['ann'] });
    server.setUserOnline('ann', true);
    while (raw.bodies.length === 0) await new Promise((r) => setTimeout(r, 5));
    const started = performance.now();
    await server.close();
    await server.callbacksSettled();
    expect(performance.now() - started).toBeLessThan(1500); // not the 2 s redelivery
    expect(server.callbacks()[0]?.outcome).toBe('failed');
    expect(raw.bodies).toHaveLength(1);
  });
});
