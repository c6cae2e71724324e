import { afterEach, describe, expect, it } from 'vitest';
import { createZimClient, type ZimClient } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';

// Per-item failures inside a Code 0 answer, scripted with `itemFailures`: a retryable SubCode
// (busy 1, rate-limited 660700001) is resent in a later chunk, fields intact; a permanent one
// (660700002 "user already exists") is not.

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
const users = (n: number) =>
  ids(n).map((UserId) => ({
    UserId,
    UserName: `name of ${UserId}`,
    UserAvatar: `https://a.example/${UserId}.png`,
  }));

describe('mock script() itemFailures, and zim.batch resending per item', () => {
  it("the mock answers scripted per-item failures in the action's own list, and commits nothing for them", async () => {
    await setUp();
    server.script('UserRegister', [{ itemFailures: { u1: 1, u3: 660700002 } }]);
    const answer = await zim.call('UserRegister', { UserInfo: users(5) });
    expect(answer.ErrorList?.map((e) => [e.UserId, e.SubCode])).toEqual([
      ['u1', 1],
      ['u3', 660700002],
    ]);
    expect([...server.state.users.keys()]).toEqual(['u0', 'u2', 'u4']);
    server.script('QueryUserInfos', [{ itemFailures: { u2: 660600003 } }]);
    const infos = await zim.call('QueryUserInfos', { UserIds: ['u0', 'u2', 'u4'] });
    expect(infos.Result?.map((r) => r.UserId)).toEqual(['u0', 'u4']);
    expect(infos.ErrorList?.map((e) => [e.UserId, e.SubCode])).toEqual([['u2', 660600003]]);
  });

  it('retryable per-item failures are resent in a later chunk with their fields; permanent ones are not', async () => {
    await setUp();
    // The first chunk (u0..u99): u5 busy, u50 rate-limited, u70 already exists.
    server.script('UserRegister', [{ itemFailures: { u5: 1, u50: 660700001, u70: 660700002 } }]);
    const progress: number[] = [];
    const result = await zim.batch(
      'UserRegister',
      { UserInfo: users(250) },
      { concurrency: 1, onProgress: (p) => progress.push(p.done) },
    );
    // 3 calls: the 2 resent items ride in a later chunk (the last one has room: 50 + 2 items).
    expect(server.stats().UserRegister.arrivals).toBe(3);
    expect(server.state.users.size).toBe(249);
    expect(server.state.users.has('u70')).toBe(false);
    expect(server.state.users.get('u5')).toMatchObject({
      UserName: 'name of u5',
      UserAvatar: 'https://a.example/u5.png',
    });
    expect(server.state.users.get('u50')).toMatchObject({
      UserName: 'name of u50',
      UserAvatar: 'https://a.example/u50.png',
    });
    expect(result.ErrorList?.map((e) => [e.UserId, e.SubCode])).toEqual([['u70', 660700002]]);
    expect(result.failed).toEqual([]);
    expect(progress.at(-1)).toBe(250);
  });

  it('an item that stays busy is resent up to retry.maxAttempts, then reported with its SubCode', async () => {
    await setUp();
    const busy = { itemFailures: { u1: 1 } };
    server.script('UserRegister', [busy, busy, busy, busy, busy, busy, busy, busy]);
    const limited = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      retry: { maxAttempts: 3 },
    });
    const result = await limited.batch('UserRegister', { UserInfo: users(3) });
    await limited.close();
    expect(server.stats().UserRegister.arrivals).toBe(3); // the first send and 2 resends
    expect(result.ErrorList?.map((e) => [e.UserId, e.SubCode])).toEqual([['u1', 1]]);
    expect(server.state.users.has('u1')).toBe(false);
  });

  it('a script with itemFailures for an action without per-item answers is a TypeError', async () => {
    await setUp();
    expect(() => server.script('QueryGroupMemberList', [{ itemFailures: { a: 1 } }])).toThrow(
      /itemFailures.*batch action/,
    );
    expect(() => server.script('UserRegister', [{ itemFailures: { a: 0 } }])).toThrow(/itemFailures/);
    expect(() => server.script('UserRegister', [{ code: 1, itemFailures: { a: 1 } }])).toThrow(/alone/);
  });
});
