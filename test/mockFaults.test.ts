import { describe, expect, it } from 'vitest';
import { type MockFaults, type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { mockClient, trackServers } from './helpers/mockRequest.js';

const client = mockClient();
const startTracked = trackServers();
/** A server where the senders of `message()` and `invite` are registered. */
const start = (options: Parameters<typeof startTracked>[0] = {}) =>
  startTracked({ users: ['a', 'b'], ...options });
/** A signed POST (or one with the given signature), read whole and timed. */
const call = (
  server: MockZimServer,
  action: string,
  params: Record<string, unknown> = {},
  signature?: string,
) => client.call(server, action, params, { signature });
const message = (i = 0) => ({
  FromUserId: 'a',
  ToUserId: ['b'],
  MessageType: 1,
  Priority: 1,
  MessageBody: { Message: `hi ${i}` },
});
/** A valid CallInvite: a call that needs nothing but the registered users. */
const invite = { FromUserId: 'a', UserIds: ['b'], OfflinePush: {} };
/** An outcome of one call, for comparing sequences: the code, the HTTP status, or the transport error. */
async function outcome(server: MockZimServer, i: number): Promise<string> {
  try {
    const r = await call(server, 'SendPeerMessage', message(i));
    return r.code === undefined ? `http ${r.status}` : `code ${r.code}`;
  } catch {
    return 'socket error';
  }
}

describe('faults', () => {
  it('busy: Code 1 on HTTP 200, nothing committed', async () => {
    const server = await start({ faults: { busy: 1 } });
    const r = await call(server, 'SendPeerMessage', message());
    expect([r.status, r.code]).toEqual([200, 1]);
    expect(server.state.messages).toHaveLength(0);
    expect(server.stats().SendPeerMessage.faults.busy).toBe(1);
  });

  it('gateway: Code 100000015', async () => {
    const server = await start({ faults: { gateway: 1 } });
    const r = await call(server, 'SendPeerMessage', message());
    expect([r.status, r.code]).toEqual([200, 100000015]);
    expect(server.state.messages).toHaveLength(0);
  });

  it('http503: HTTP 503 with an HTML body and a Date header', async () => {
    const server = await start({ faults: { http503: 1 } });
    const r = await call(server, 'SendPeerMessage', message());
    expect(r.status).toBe(503);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.text).toMatch(/^<html>[\s\S]*503 Service Unavailable/);
    expect(r.headers['date']).toBeDefined();
    expect(server.state.messages).toHaveLength(0);
    expect(server.stats().SendPeerMessage.faults.http503).toBe(1);
  });

  it('resetBeforeAnswer: a socket error and no effect', async () => {
    const server = await start({ faults: { resetBeforeAnswer: 1 } });
    await expect(call(server, 'SendPeerMessage', message())).rejects.toThrow();
    expect(server.state.messages).toHaveLength(0);
    expect(server.stats().SendPeerMessage).toMatchObject({
      admitted: 1,
      accepted: 0,
      faults: { resetBeforeAnswer: 1 },
    });
  });

  it('resetAfterCommit: the message is recorded but the client sees a socket error', async () => {
    const server = await start({ faults: { resetAfterCommit: 1 } });
    await expect(call(server, 'SendPeerMessage', message(7))).rejects.toThrow();
    expect(server.state.messages).toHaveLength(1);
    expect(server.state.messages[0]).toMatchObject({
      MsgId: 1,
      FromUserId: 'a',
      MessageBody: { Message: 'hi 7' },
    });
    expect(server.stats().SendPeerMessage).toMatchObject({ accepted: 0, faults: { resetAfterCommit: 1 } });
  });

  it('slow: the answer waits slowMs, the action takes effect on arrival', async () => {
    const server = await start({ faults: { slow: 1, slowMs: 300 } });
    const pending = call(server, 'SendPeerMessage', message());
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.state.messages).toHaveLength(1);
    const r = await pending;
    expect(r.code).toBe(0);
    expect(r.ms).toBeGreaterThanOrEqual(295);
    expect(server.stats().SendPeerMessage.faults.slow).toBe(1);
  });

  it('latencyMs delays every answer', async () => {
    const server = await start({ latencyMs: 150 });
    const r = await call(server, 'CallInvite', invite);
    expect(r.code).toBe(0);
    expect(r.ms).toBeGreaterThanOrEqual(145);
  });

  it('is reproducible: the same seed gives the same sequence, another seed another one', async () => {
    const faults: MockFaults = { busy: 0.2, gateway: 0.2, http503: 0.2, resetBeforeAnswer: 0.1 };
    const run = async (seed: number) => {
      const server = await start({ seed, faults, limits: { SendPeerMessage: false } });
      const outcomes: string[] = [];
      for (let i = 0; i < 40; i++) outcomes.push(await outcome(server, i));
      return outcomes;
    };
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(new Set(a)).toEqual(new Set(['code 0', 'code 1', 'code 100000015', 'http 503', 'socket error']));
  });

  it('applies only to the listed actions', async () => {
    const server = await start({ faults: { busy: 1, actions: ['UserRegister'] } });
    expect((await call(server, 'SendPeerMessage', message())).code).toBe(0);
    expect((await call(server, 'UserRegister', { UserInfo: [] })).code).toBe(1);
  });

  it('can be switched at runtime with setFaults', async () => {
    const server = await start();
    expect((await call(server, 'CallInvite', invite)).code).toBe(0);
    server.setFaults({ gateway: 1 });
    expect((await call(server, 'CallInvite', invite)).code).toBe(100000015);
    server.setFaults({});
    expect((await call(server, 'CallInvite', invite)).code).toBe(0);
    expect(() => server.setFaults({ busy: -0.1 })).toThrow(/faults\.busy.*-0\.1/);
  });

  it('never faults a call refused by a check or a limit', async () => {
    const server = await start({ faults: { busy: 1 } });
    expect((await call(server, 'CallInvite', invite, '0'.repeat(32))).code).toBe(100000005);
  });

  it('close() cancels a pending slow answer and resolves', async () => {
    const server = await startMockZimServer({ users: ['a', 'b'], faults: { slow: 1, slowMs: 60_000 } });
    const pending = call(server, 'CallInvite', invite);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closedAt = performance.now();
    await server.close();
    await expect(pending).rejects.toThrow();
    expect(performance.now() - closedAt).toBeLessThan(5000);
  });
});

describe('script', () => {
  it('answers the next arrivals of an action as told, then handles calls normally', async () => {
    const server = await start();
    server.script('SendPeerMessage', [
      { code: 1 },
      { http: 503 },
      'reset',
      { http: 429, headers: { 'retry-after': '1' } },
      { code: 660300005, message: 'slow down' },
      { delayMs: 200 },
    ]);
    const busy = await call(server, 'SendPeerMessage', message());
    expect([busy.status, busy.code]).toEqual([200, 1]);
    const proxy = await call(server, 'SendPeerMessage', message());
    expect(proxy.status).toBe(503);
    expect(proxy.text).toContain('<html>');
    await expect(call(server, 'SendPeerMessage', message())).rejects.toThrow();
    const tooMany = await call(server, 'SendPeerMessage', message());
    expect([tooMany.status, tooMany.headers['retry-after']]).toEqual([429, '1']);
    const limited = await call(server, 'SendPeerMessage', message());
    expect(JSON.parse(limited.text)).toMatchObject({ Code: 660300005, Message: 'slow down' });
    expect(server.state.messages).toHaveLength(0);
    const delayed = await call(server, 'SendPeerMessage', message());
    expect(delayed.code).toBe(0);
    expect(delayed.ms).toBeGreaterThanOrEqual(195);
    expect((await call(server, 'SendPeerMessage', message())).code).toBe(0);
    expect(server.state.messages).toHaveLength(2);
    expect(server.stats().SendPeerMessage.faults.scripted).toBe(6);
  });

  it('first attempt busy, second ok', async () => {
    const server = await start();
    server.script('UserRegister', [{ code: 1 }]);
    const register = () => call(server, 'UserRegister', { UserInfo: [{ UserId: 'u1', UserName: 'Ann' }] });
    expect((await register()).code).toBe(1);
    expect(server.state.users.has('u1')).toBe(false);
    expect((await register()).code).toBe(0);
    expect(server.state.users.has('u1')).toBe(true);
  });

  it("'resetAfterCommit' commits then drops the answer; 'pass' handles normally", async () => {
    const server = await start({ faults: { busy: 1 } });
    server.script('SendPeerMessage', ['resetAfterCommit', 'pass']);
    await expect(call(server, 'SendPeerMessage', message())).rejects.toThrow();
    expect(server.state.messages).toHaveLength(1);
    // Scripted arrivals skip the random faults: 'pass' gives the normal answer despite busy: 1.
    expect((await call(server, 'SendPeerMessage', message())).code).toBe(0);
    expect((await call(server, 'SendPeerMessage', message())).code).toBe(1);
  });

  it('comes before every check, and counts per action', async () => {
    const server = await start();
    server.script('CallInvite', [{ code: 0, body: { Code: 0, Custom: true } }]);
    const r = await call(server, 'CallInvite', {}, 'not-a-signature');
    expect(JSON.parse(r.text)).toEqual({ Code: 0, Custom: true });
    expect((await call(server, 'CallInvite', invite)).code).toBe(0);
  });

  it('refuses a malformed answer', async () => {
    const server = await start();
    expect(() => server.script('CallInvite', [{ http: 99 }])).toThrow(/answers\[0\]\.http.*99/);
    expect(() => server.script('CallInvite', ['explode' as never])).toThrow(TypeError);
    expect(() => server.script('CallInvite', [{ delay: 5 } as never])).toThrow(/answers\[0\]\.delay/);
  });
});
