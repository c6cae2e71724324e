// When demand exceeds the limit, through the client and the fetch and undici doors, counted at
// the mock server: priorities (direct calls ahead of a batch), bounded waits, aborts that say
// whether they were sent, and per-call options checked.
import { Agent, request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createZimClient,
  resilientFetch,
  ZimAbortedError,
  ZimOverloadError,
  zimInterceptor,
} from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';

// A server of its own for each test: a window of another test's arrivals would refuse this one's.
let server: MockZimServer;
beforeEach(async () => {
  server = await startMockZimServer();
});
afterEach(async () => {
  await server.close();
});

const options = () => ({ appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url });
let n = 0;
const users = (count: number) => Array.from({ length: count }, () => ({ UserId: `o${n++}`, UserName: 'N' }));

describe('priorities through the client (UserRegister, 20/s)', () => {
  it('a call with priority 1 made 0.5 s after 200 queued calls goes out at the next free slot', async () => {
    const zim = createZimClient(options());
    const backlog = Array.from({ length: 200 }, () =>
      zim.call('UserRegister', { UserInfo: users(1) }).catch(() => {}),
    );
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    // before: the option was ignored and the call waited ~10 s behind the backlog
    await zim.call(
      'UserRegister',
      { UserInfo: users(1) },
      { priority: 1, signal: AbortSignal.timeout(3000) },
    );
    const waited = performance.now() - t0;
    expect(waited).toBeLessThanOrEqual(1200); // one window at most
    await zim.close();
    await Promise.all(backlog);
    expect(server.stats().UserRegister.maxInAnySecond).toBeLessThanOrEqual(20);
  });

  it('zim.batch yields to a direct call: a plain call 0.3 s into a 60-chunk batch settles within a window', async () => {
    const zim = createZimClient(options());
    const before = server.stats().UserRegister.rejected;
    const batch = zim.batch('UserRegister', { UserInfo: users(6000) });
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    await zim.call('UserRegister', { UserInfo: users(1) }); // 2,722 ms before (behind the batch's chunks)
    expect(performance.now() - t0).toBeLessThanOrEqual(1200);
    const merged = await batch;
    expect(merged.failed).toHaveLength(0);
    expect(server.stats().UserRegister.rejected - before).toBe(0);
    await zim.close();
  });
});

describe('maxQueueWaitMs', () => {
  it('refuses at once what cannot go out within the bound: nothing sent, no slot taken', async () => {
    const zim = createZimClient({ ...options(), maxQueueWaitMs: 2000 }); // before: TypeError unknown option
    const arrivals = server.stats().UserRegister.arrivals;
    const overloads: unknown[] = [];
    const calls = Array.from({ length: 100 }, () =>
      zim.call('UserRegister', { UserInfo: users(1) }).then(
        () => 'ok',
        (e: unknown) => {
          overloads.push(e);
          return 'refused';
        },
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    // 20 at once, 20 more once their answers are a window old (+1001 ms); the next 20 would go
    // at +2002 ms, past the bound: they and the rest are refused without waiting
    expect(overloads).toHaveLength(60);
    const first = overloads[0] as ZimOverloadError;
    expect(first).toBeInstanceOf(ZimOverloadError);
    expect(first).toMatchObject({ action: 'UserRegister', attempts: 0, maxQueueWaitMs: 2000 });
    expect(first).toMatchObject({ queued: 20, retryAfterMs: 2002 });
    const results = await Promise.all(calls);
    const ok = results.filter((r) => r === 'ok').length;
    expect(ok + overloads.length).toBe(100);
    expect(server.stats().UserRegister.arrivals - arrivals).toBe(ok); // the refused were never sent
    // per call: a bound of 0 refuses whatever must wait; Infinity waits
    await expect(
      zim.call('UserRegister', { UserInfo: users(1) }, { maxQueueWaitMs: 0 }),
    ).rejects.toBeInstanceOf(ZimOverloadError); // the window is still full of the last 20
    await expect(
      zim.call('UserRegister', { UserInfo: users(1) }, { maxQueueWaitMs: Number.POSITIVE_INFINITY }),
    ).resolves.toBeDefined();
    await zim.close();
  });

  it('the overload event, and the bound through resilientFetch (init.zim) and zimInterceptor (dispatch zim)', async () => {
    const seen: unknown[] = [];
    const fetch = resilientFetch(globalThis.fetch, {
      ...options(),
      limits: { QueryUserInfos: { perSecond: 1 } },
      hooks: { overload: (e) => seen.push(e) },
    });
    const url = `${server.url}/?Action=QueryUserInfos`;
    const body = JSON.stringify({ UserIds: ['a'] });
    const send = (zim: object) => fetch(url, { method: 'POST', body, zim } as RequestInit);
    await send({}); // takes the one slot of the second
    await expect(send({ maxQueueWaitMs: 100 })).rejects.toBeInstanceOf(ZimOverloadError);
    expect(seen).toEqual([
      expect.objectContaining({ action: 'QueryUserInfos', queued: 0, maxQueueWaitMs: 100 }),
    ]);
    await expect(send({ maxQueueWiatMs: 100 })).rejects.toThrow(/unknown option init\.zim\.maxQueueWiatMs/);
    await fetch.close();

    const agent = new Agent().compose(
      zimInterceptor({ ...options(), limits: { QueryUserInfos: { perSecond: 1 } } }),
    );
    const go = (zim: object) =>
      request(url, { method: 'POST', body, dispatcher: agent, zim } as Parameters<typeof request>[1]);
    await (await go({})).body.text();
    await expect(go({ maxQueueWaitMs: 100 })).rejects.toBeInstanceOf(ZimOverloadError);
    await agent.close();
  });
});

describe('aborts say whether the call was sent (ZimAbortedError)', () => {
  it('aborted while it waits for a slot: never sent, attempts 0, the reason as cause', async () => {
    const zim = createZimClient({ ...options(), limits: { UserRegister: { perSecond: 1 } } });
    const arrivals = server.stats().UserRegister.arrivals;
    await zim.call('UserRegister', { UserInfo: users(1) });
    const controller = new AbortController();
    const reason = new Error('the request timed out');
    const queued = zim.call('UserRegister', { UserInfo: users(1) }, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    const error = await queued.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZimAbortedError); // before: the bare reason
    expect(error).toMatchObject({
      action: 'UserRegister',
      attempts: 0,
      mayHaveCommitted: false,
      cause: reason,
    });
    expect((error as Error).message).toMatch(/nothing was sent/);
    await zim.close();
    expect(server.stats().UserRegister.arrivals - arrivals).toBe(1);
  });

  it('aborted in flight: may have been sent (attempts 1), and the timeout reason stays reachable', async () => {
    const slow = await startMockZimServer({ latencyMs: 400 });
    const zim = createZimClient({ appId: slow.appId, serverSecret: slow.serverSecret, baseUrl: slow.url });
    const error = await zim
      .call('UserRegister', { UserInfo: users(1) }, { signal: AbortSignal.timeout(100) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZimAbortedError);
    expect(error).toMatchObject({ attempts: 1, mayHaveCommitted: true });
    expect(((error as Error).cause as Error).name).toBe('TimeoutError');
    await zim.close();
    expect(slow.stats().UserRegister.arrivals).toBe(1);
    await slow.close();
  });
});

describe('per-call options are checked', () => {
  it('an unknown key is a TypeError with "did you mean"; a wrong priority names it', async () => {
    const zim = createZimClient(options());
    const arrivals = server.stats().QueryUserInfos.arrivals;
    await expect(zim.call('QueryUserInfos', { UserIds: ['a'] }, { priorty: 1 } as never)).rejects.toThrow(
      'unknown option options.priorty (did you mean priority?)',
    );
    await expect(zim.call('QueryUserInfos', { UserIds: ['a'] }, { priority: 0.5 })).rejects.toThrow(
      'expected options.priority to be an integer, got 0.5',
    );
    await expect(zim.call('QueryUserInfos', { UserIds: ['a'] }, { maxQueueWaitMs: -1 })).rejects.toThrow(
      'expected options.maxQueueWaitMs to be a number >= 0, got -1',
    );
    expect(() => createZimClient({ ...options(), maxQueueWaitMs: Number.NaN })).toThrow(
      'expected maxQueueWaitMs to be a number >= 0, got NaN',
    );
    expect(server.stats().QueryUserInfos.arrivals).toBe(arrivals);
    await zim.close();
  });
});
