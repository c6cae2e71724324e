import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undiciIsReal } from '../src/client/undiciIsReal.js';
import {
  createZimClient,
  isZimApiError,
  ZimApiError,
  type ZimClient,
  type ZimClientOptions,
  ZimClosedError,
  ZimHttpError,
  ZimQuotaError,
  ZimTransportError,
} from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { achievedRate } from './helpers/mockRate.js';

let server: MockZimServer | undefined;
let client: ZimClient | undefined;
const others: Server[] = [];

afterEach(async () => {
  await client?.close();
  await server?.close();
  for (const s of others.splice(0)) await new Promise((r) => s.close(r));
  client = undefined;
  server = undefined;
});

/** The client's door in the test running: undici (the default), or fetch (the door on Bun). */
let door: Pick<ZimClientOptions, 'fetch'> = {};

async function setup(
  mock: Parameters<typeof startMockZimServer>[0] = {},
  options: Partial<ZimClientOptions> = {},
) {
  server = await startMockZimServer(mock);
  client = createZimClient({
    ...door,
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    retry: { minDelayMs: 10, maxDelayMs: 50 },
    ...options,
  });
  return { server, client };
}

// Every guarantee, through both doors: undici's dispatcher, and fetch (what Bun gets, see docs/runtimes.md).
const DOORS = [
  ['undici', {}],
  ['fetch', { fetch: globalThis.fetch }],
] as const;

describe.each(DOORS)('createZimClient against the mock server, through %s', (_name, options) => {
  beforeEach(() => {
    door = options;
  });
  afterEach(() => {
    door = {};
  });

  it('calls POST and GET actions and hands back per-item errors', async () => {
    const { client } = await setup();
    const reg = await client.call('UserRegister', {
      UserInfo: [
        { UserId: 'u1', UserName: 'Ann' },
        { UserId: 'u2', UserName: '€'.repeat(90) }, // 270 bytes: over 256
      ],
    });
    expect(reg.Code).toBe(0);
    expect(reg['ErrorList']).toEqual([expect.objectContaining({ UserId: 'u2', SubCode: 660700006 })]);
    await client.call('CreateGroup', { GroupOwner: 'u1', GroupId: 'g1', GroupName: 'G', UserId: ['u1'] });
    const list = await client.call('QueryAppGroupList', {});
    expect(JSON.stringify(list)).toContain('g1');
  });

  it('throws a fatal code after exactly one attempt', async () => {
    const { client, server } = await setup();
    server.script('QueryUserInfos', [{ code: 660000002 }]);
    const error = await client.call('QueryUserInfos', { UserIds: ['a'] }).catch((e) => e);
    expect(error).toBeInstanceOf(ZimApiError);
    expect(isZimApiError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 660000002,
      category: 'fatal',
      action: 'QueryUserInfos',
      attempts: 1,
    });
    expect(server.stats().QueryUserInfos.arrivals).toBe(1);
  });

  it('retries busy and gateway codes, 503 pages and unreadable bodies, then succeeds', async () => {
    const { client, server } = await setup();
    server.script('QueryUserInfos', [{ code: 1 }, { code: 100000015 }, { http: 503 }, 'reset']);
    const body = await client.call('QueryUserInfos', { UserIds: ['a'] });
    expect(body.Code).toBe(0);
    expect(server.stats().QueryUserInfos.arrivals).toBe(5);
  });

  it('learns the clock offset from a server 15 minutes ahead and re-signs', async () => {
    const resigns: number[] = [];
    const { client, server } = await setup(
      { clockOffsetMs: 15 * 60_000 },
      { hooks: { resign: (e) => resigns.push(e.clockOffsetMs) } },
    );
    await client.call('QueryUserInfos', { UserIds: ['a'] });
    await client.call('QueryUserInfos', { UserIds: ['a'] });
    expect(resigns).toHaveLength(1);
    expect(Math.abs(resigns[0]! - 15 * 60_000)).toBeLessThan(2000);
    expect(server.stats().QueryUserInfos.codes['100000004']).toBe(1);
  });

  it('gives up on a wrong fixed secret after one arrival, naming what to check, with no secret in it (issue 33)', async () => {
    const secret = 'the-wrong-secret-0123456789abcdef';
    server = await startMockZimServer();
    client = createZimClient({ ...door, appId: server.appId, serverSecret: secret, baseUrl: server.url });
    const errors = await Promise.all(
      [1, 2].map(() => client!.call('QueryUserInfos', { UserIds: ['a'] }).catch((e) => e)),
    );
    expect(server.stats().QueryUserInfos.arrivals).toBe(2); // one per call: a re-sign cannot help
    const [error] = errors;
    expect(error).toMatchObject({ name: 'ZimApiError', code: 100000005, category: 'auth', attempts: 1 });
    expect(error.message).toMatch(
      /^QueryUserInfos failed with ZIM code 100000005 \(auth\) after 1 attempt \(not re-signed: serverSecret is a fixed string, .*check that serverSecret is the ServerSecret of this AppId\)/,
    );
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(secret);
  });

  it('says an empty serverSecret is empty (issue 33)', () => {
    expect(() => createZimClient({ appId: 1, serverSecret: '' })).toThrow(
      'expected serverSecret to be a non-empty string or a function, got an empty string',
    );
    expect(() => createZimClient({ appId: 1, serverSecret: '   ' })).toThrow(/got a blank string$/);
    expect(() => createZimClient({ appId: 1, serverSecret: 42 as never })).toThrow(/got a number$/);
  });

  it('reads a rotated secret before each attempt', async () => {
    server = await startMockZimServer();
    const real = server.serverSecret;
    let reads = 0;
    const serverSecret = () => (++reads === 1 ? 'stale-secret' : real); // rotated after the first read
    client = createZimClient({ ...door, appId: server.appId, serverSecret, baseUrl: server.url });
    expect((await client.call('QueryUserInfos', { UserIds: ['a'] })).Code).toBe(0);
    expect(reads).toBe(2);
    expect(server.stats().QueryUserInfos.codes).toEqual({ '0': 1, '100000005': 1 });
  });

  it('abandons an attempt after attemptTimeoutMs: a query is retried, a send is not', async () => {
    const { client, server } = await setup(
      {},
      { retry: { attemptTimeoutMs: 300, minDelayMs: 1, maxDelayMs: 1 } },
    );
    server.script('QueryUserInfos', [{ delayMs: 3000 }]);
    const started = Date.now();
    expect((await client.call('QueryUserInfos', { UserIds: ['a'] })).Code).toBe(0);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(server.stats().QueryUserInfos.arrivals).toBe(2);
    server.script('SendPeerMessage', [{ delayMs: 3000 }]);
    const msg = {
      FromUserId: 'u1',
      ToUserId: ['u2'],
      MessageType: 1,
      Priority: 1 as const,
      MessageBody: { Message: 'slow' },
    };
    const error = await client.call('SendPeerMessage', msg).catch((e) => e);
    expect(error).toMatchObject({ name: 'ZimTransportError', mayHaveCommitted: true, attempts: 1 });
  });

  it('does not send a SendPeerMessage twice after a reset once written, unless allowed', async () => {
    const { client, server } = await setup({ users: ['u1', 'u2'] });
    server.script('SendPeerMessage', ['resetAfterCommit']);
    const msg = {
      FromUserId: 'u1',
      ToUserId: ['u2'],
      MessageType: 1,
      Priority: 1 as const,
      MessageBody: { Message: 'hi' },
    };
    const error = await client.call('SendPeerMessage', msg).catch((e) => e);
    expect(error).toBeInstanceOf(ZimTransportError);
    expect(error.mayHaveCommitted).toBe(true);
    expect(error.message).toMatch(/may have been committed/);
    expect(server.state.messages).toHaveLength(1);

    server.script('SendPeerMessage', ['resetAfterCommit']);
    await client.call('SendPeerMessage', msg, { idempotent: true });
    expect(server.state.messages).toHaveLength(3);
  });

  it('requeues a rate-limited call ahead and succeeds; code 7 slows every action', async () => {
    const events: string[] = [];
    const { client, server } = await setup(
      {},
      { hooks: { rateLimited: (e) => events.push(`${e.action}:${e.code}`) } },
    );
    server.script('UserRegister', [{ code: 660700001 }]);
    const started = Date.now();
    await client.call('UserRegister', { UserInfo: [{ UserId: 'a', UserName: 'A' }] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // waited out the server's window
    server.script('QueryUserInfos', [{ code: 7 }]);
    await client.call('QueryUserInfos', { UserIds: ['a'] });
    expect(events).toEqual(['UserRegister:660700001', 'QueryUserInfos:7']);
  });

  it('settled.durationMs counts the wait for the first slot', async () => {
    const durations: number[] = [];
    const { client } = await setup({}, { hooks: { settled: (e) => durations.push(e.durationMs) } });
    await Promise.all([client.call('QueryAppGroupList', {}), client.call('QueryAppGroupList', {})]);
    expect(Math.max(...durations)).toBeGreaterThanOrEqual(1000); // the second waited out the 1/s window
  });

  it('fails fast when the daily quota is spent, without sending', async () => {
    const { client, server } = await setup(
      { users: ['admin'] },
      { limits: { SendMessageToAllUsers: { dailyQuota: 2 } } },
    );
    const msg = { FromUserId: 'admin', MessageType: 1, MessageBody: { Message: 'hello all' } };
    await client.call('SendMessageToAllUsers', msg);
    await client.call('SendMessageToAllUsers', msg);
    const error = await client.call('SendMessageToAllUsers', msg).catch((e) => e);
    expect(error).toBeInstanceOf(ZimQuotaError);
    expect(error.retryAfterMs).toBeGreaterThan(23 * 3600_000);
    expect(server.stats().SendMessageToAllUsers.arrivals).toBe(2);
  });

  it('close() rejects queued calls with ZimClosedError, and nothing hangs', async () => {
    const { client } = await setup();
    const calls = Array.from({ length: 5 }, () =>
      client.call('QueryAppGroupList', {}).then(
        () => 'ok',
        (e) => e,
      ),
    );
    await new Promise((r) => setTimeout(r, 100));
    await client.close();
    const results = await Promise.all(calls);
    expect(results[0]).toBe('ok');
    expect(results.slice(1).every((r) => r instanceof ZimClosedError)).toBe(true);
    await expect(client.call('QueryAppGroupList', {})).rejects.toBeInstanceOf(ZimClosedError);
  });

  it('classifies hostile answers: huge, truncated and non-JSON bodies', async () => {
    let mode = 'huge';
    const hostile = createServer((req, res) => {
      req.resume();
      if (mode === 'huge') res.end(`{"Code":0,"pad":"${'x'.repeat(3 * 1024 * 1024)}"}`);
      else res.end('<html>proxy error</html>');
    });
    others.push(hostile);
    await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
    client = createZimClient({
      ...door,
      appId: 1,
      serverSecret: 's',
      baseUrl: url,
      retry: { maxAttempts: 2, minDelayMs: 1, maxDelayMs: 1 },
    });
    const huge = await client.call('QueryUserInfos', { UserIds: ['a'] }).catch((e) => e);
    expect(huge).toBeInstanceOf(ZimHttpError);
    expect(huge.message).toMatch(/too large/);
    mode = 'html';
    const html = await client.call('QueryUserInfos', { UserIds: ['a'] }).catch((e) => e);
    expect(html).toMatchObject({ name: 'ZimHttpError', status: 200, category: 'retryable', attempts: 2 });
  });

  it('a refused connection: nothing was written, so even a send is retried, and mayHaveCommitted is false', async () => {
    const closed = createTcpServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    client = createZimClient({
      ...door,
      appId: 1,
      serverSecret: 's',
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { maxAttempts: 2, minDelayMs: 1, maxDelayMs: 1 },
    });
    const msg = {
      FromUserId: 'u1',
      ToUserId: ['u2'],
      MessageType: 1,
      Priority: 1 as const,
      MessageBody: { Message: 'x' },
    };
    const error = await client.call('SendPeerMessage', msg).catch((e) => e);
    expect(error).toMatchObject({ name: 'ZimTransportError', mayHaveCommitted: false, attempts: 2 });
  });

  it('names a wrong option', () => {
    expect(() => createZimClient({ appId: -1, serverSecret: 's' })).toThrow(
      'expected appId to be an integer from 1 to 4294967295, got -1',
    );
    expect(() => createZimClient({ appId: 1, serverSecret: 's', retry: { maxDelayMs: -1 } })).toThrow(
      /retry\.maxDelayMs/,
    );
    expect(() => createZimClient({ appId: 1, serverSecret: 's', retyr: {} } as never)).toThrow(
      'unknown option retyr',
    );
    expect(() => createZimClient({ appId: 1, serverSecret: 's', codes: { 5: 'nope' as never } })).toThrow(
      /codes\[5\]/,
    );
  });
});

describe("the client's door", () => {
  it("feature-detects the real undici: an Agent without dispatch and request (Bun's stand-in) is not", () => {
    expect(undiciIsReal()).toBe(true);
    expect(undiciIsReal(Agent)).toBe(true);
    class StandIn {} // what Bun's `import { Agent } from 'undici'` gives
    expect(undiciIsReal(StandIn)).toBe(false);
    expect(undiciIsReal(null)).toBe(false);
  });

  it('names a wrong dispatcher or fetch', () => {
    const base = { appId: 1, serverSecret: 's' };
    expect(() => createZimClient({ ...base, dispatcher: new Agent(), fetch })).toThrow(
      'expected dispatcher or fetch, got both',
    );
    expect(() => createZimClient({ ...base, fetch: 'fetch' as never })).toThrow(
      'expected fetch to be a function, got string',
    );
    expect(() => createZimClient({ ...base, dispatcher: {} as never })).toThrow(
      'expected dispatcher to be an undici Dispatcher, got object',
    );
  });
});

describe('limits, end to end (counted by the server)', () => {
  it('group-scoped limits: two groups each get their full rate at once', async () => {
    const { client, server } = await setup({ users: ['o', 'u0', 'u1', 'u2', 'u3'] });
    for (const GroupId of ['gA', 'gB']) await client.call('CreateGroup', { GroupId, GroupOwner: 'o' });
    const started = Date.now();
    await Promise.all(
      ['gA', 'gB'].flatMap((GroupId) =>
        Array.from({ length: 4 }, (_, i) =>
          client.call('InviteUsersIntoGroup', {
            GroupId,
            FromUserId: 'o',
            UserIds: [`u${i}`],
            GroupMemberInfos: [{ UserId: `u${i}` }],
          }),
        ),
      ),
    );
    const elapsed = Date.now() - started;
    const stats = server.stats().InviteUsersIntoGroup;
    expect(stats.rejected).toBe(0);
    expect(stats.accepted).toBe(8);
    // Shared, 8 calls at 1/s would take 7 s or more; per group, 4 take 3 s.
    expect(elapsed).toBeGreaterThanOrEqual(3000);
    expect(elapsed).toBeLessThan(6000);
  });

  it('a server limit lower than ours: the limiter slows down instead of being refused every second', async () => {
    const { client, server } = await setup({ limits: { QueryUserInfos: { perSecond: 10 } } });
    const started = Date.now();
    await Promise.all(Array.from({ length: 100 }, () => client.call('QueryUserInfos', { UserIds: ['a'] })));
    const s = server.stats().QueryUserInfos;
    console.log(
      `server at 10/s, client set for 20/s: ${s.rejected} rejections for 100 calls in ${Date.now() - started} ms`,
    );
    expect(s.accepted).toBe(100);
    expect(s.rejected).toBeLessThanOrEqual(30); // pausing alone: 90 (10 refused in every window)
    expect(Date.now() - started).toBeLessThan(16_000); // 10 s at the server's rate
  }, 30_000);

  it('weights QueryMessagesByMsgSeq by the messages asked for', async () => {
    const { client, server } = await setup();
    await Promise.all(
      Array.from({ length: 6 }, () =>
        client.call('QueryMessagesByMsgSeq', {
          FromUserId: 'a',
          ConvId: 'b',
          ConvType: 0,
          MsgSeqList: [1, 2, 3, 4, 5, 6, 7, 8],
        }),
      ),
    );
    const stats = server.stats().QueryMessagesByMsgSeq;
    expect(stats.rejected).toBe(0);
    expect(stats.maxInAnySecond).toBeLessThanOrEqual(20);
    expect(stats.maxInAnySecond).toBe(16);
  });

  // Counted by the server in real time, so kept short: ten windows of each limit (the bench runs 1,000 callers).
  it('200 callers on a 20/s action and 10 on a 1/s action: no rejection, >= 95% of each limit', async () => {
    const { client, server } = await setup();
    const register = Array.from({ length: 200 }, (_, i) =>
      client.call('UserRegister', { UserInfo: [{ UserId: `u${i}`, UserName: 'U' }] }),
    );
    const lists = Array.from({ length: 10 }, () => client.call('QueryAppGroupList', {}));
    const results = await Promise.allSettled([...register, ...lists]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const stats = server.stats();
    for (const [action, limit] of [
      ['UserRegister', 20],
      ['QueryAppGroupList', 1],
    ] as const) {
      const s = stats[action];
      const rate = achievedRate(s, limit);
      console.log(
        `${action}: ${s.accepted} accepted, ${s.rejected} rejected, max ${s.maxInAnySecond} in a sliding second, ${rate.toFixed(2)}/s of ${limit}/s`,
      );
      expect(s.rejected).toBe(0);
      expect(s.maxInAnySecond).toBeLessThanOrEqual(limit);
      expect(rate).toBeGreaterThanOrEqual(0.95 * limit);
    }
  }, 30_000);
});
