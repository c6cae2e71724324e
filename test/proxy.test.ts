import { type Dispatcher, ProxyAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZimClient, resilientFetch, ZimTransportError, zimInterceptor } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { type ConnectProxy, startConnectProxy } from './helpers/connectProxy.js';
import { signedUrl } from './helpers/signedUrl.js';
import { type Door, SEND, threeDoors } from './helpers/threeDoors.js';

// A corporate proxy that fails the tunnel, through all three doors with the user's own ProxyAgent
// of the project's undici 7 and of undici 8 (Node >= 22.19 only; CI runs it on 22 and 24) (issue
// 29). Counted at the proxy: at most one CONNECT per attempt, none after the call has ended.

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const undici8Runs = major > 22 || (major === 22 && minor >= 19);

let server: MockZimServer;
beforeEach(async () => {
  server = await startMockZimServer({ users: ['u1', 'u2'] });
});
afterEach(async () => {
  await server.close();
});

const maxAttempts = 3;
const attemptTimeoutMs = 300;
const deadlineMs = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const retry = { maxAttempts, attemptTimeoutMs, deadlineMs, minDelayMs: 1, maxDelayMs: 5 };

/** The three doors through the project's undici 7 and its ProxyAgent. */
async function undici7Doors(proxy: ConnectProxy): Promise<{ doors: Door[]; dispatcher: Dispatcher }> {
  const dispatcher = new ProxyAgent(proxy.url);
  const doors = threeDoors({
    baseUrl: server.url,
    appId: server.appId,
    serverSecret: server.serverSecret,
    retry,
    dispatcher,
  });
  return { doors, dispatcher };
}

/** The three doors through undici 8 and its ProxyAgent (tunnelling to the plain-HTTP mock, as 7 does by default). */
async function undici8Doors(proxy: ConnectProxy): Promise<{ doors: Door[]; dispatcher: Dispatcher }> {
  const undici8 = await import('undici8');
  const dispatcher = new undici8.ProxyAgent({ uri: proxy.url, proxyTunnel: true });
  const options = { baseUrl: server.url, appId: server.appId, serverSecret: server.serverSecret, retry };
  const client = createZimClient({ ...options, dispatcher: dispatcher as unknown as Dispatcher });
  const f = resilientFetch(
    ((input: string, init: object) =>
      undici8.fetch(input, { ...init, dispatcher })) as unknown as typeof fetch,
    options,
  );
  const interceptor = zimInterceptor(options);
  const composed = dispatcher.compose(interceptor);
  const url = signedUrl(server.url, 'SendPeerMessage', server.appId, server.serverSecret);
  const post = {
    method: 'POST' as const,
    body: JSON.stringify(SEND),
    headers: { 'content-type': 'application/json' },
  };
  const doors: Door[] = [
    {
      name: 'createZimClient',
      call: (a, p) => client.call(a as 'SendPeerMessage', p as never) as never,
      close: () => client.close(),
    },
    {
      name: 'resilientFetch',
      call: async () => (await (await f(url, post)).json()) as never,
      close: () => f.close(),
    },
    {
      name: 'zimInterceptor',
      call: async () =>
        (await (await undici8.request(url, { ...post, dispatcher: composed })).body.json()) as never,
      close: () => interceptor.close(),
    },
  ];
  return { doors, dispatcher: dispatcher as unknown as Dispatcher };
}

type DoorsOf = (proxy: ConnectProxy) => Promise<{ doors: Door[]; dispatcher: Dispatcher }>;

async function throughProxy(proxy: ConnectProxy, doorsOf: DoorsOf) {
  const { doors, dispatcher } = await doorsOf(proxy);
  const results = [];
  for (const door of doors) {
    const before = proxy.tunnels.length;
    const t0 = Date.now();
    const error = (await door.call('SendPeerMessage', SEND).catch((e: unknown) => e)) as ZimTransportError;
    const took = Date.now() - t0;
    const connects = proxy.tunnels.length - before;
    await sleep(200); // nothing keeps connecting once the call has ended
    results.push({ door: door.name, error, took, connects, after: proxy.tunnels.length - before - connects });
    await door.close();
  }
  await dispatcher.destroy();
  return results;
}

function proxyCases(doorsOf: DoorsOf) {
  it(`hangs up on CONNECT: one CONNECT per attempt (undici 7 alone loops forever), named, retried even for a send`, async () => {
    const proxy = await startConnectProxy({ refuse: 'hang-up' });
    try {
      for (const r of await throughProxy(proxy, doorsOf)) {
        expect(r.error, r.door).toBeInstanceOf(ZimTransportError);
        expect(r.error, r.door).toMatchObject({ attempts: maxAttempts, mayHaveCommitted: false });
        expect(r.error.failure.kind, r.door).toBe('proxy');
        expect(r.error.message, r.door).toContain(
          `the proxy at ${new URL(proxy.url).host} closed the tunnel to ${new URL(server.url).host} before it was established (UND_ERR_PRX_CONN); nothing was sent`,
        );
        expect(r.connects, r.door).toBe(maxAttempts);
        expect(r.after, r.door).toBe(0);
        expect(r.took, r.door).toBeLessThan(deadlineMs + attemptTimeoutMs + 1500);
      }
      expect(server.stats().SendPeerMessage?.arrivals ?? 0).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it(`answers 502: one CONNECT per attempt, the target named, retried even for a send`, async () => {
    const proxy = await startConnectProxy({ refuse: 502 });
    try {
      for (const r of await throughProxy(proxy, doorsOf)) {
        expect(r.error, r.door).toMatchObject({ attempts: maxAttempts, mayHaveCommitted: false });
        expect(r.error.failure.kind, r.door).toBe('proxy');
        expect(r.error.message, r.door).toContain(
          `the proxy refused to open a tunnel to the server at ${new URL(server.url).host}: HTTP 502`,
        );
        expect(r.connects, r.door).toBe(maxAttempts);
        expect(r.after, r.door).toBe(0);
      }
    } finally {
      await proxy.close();
    }
  });

  it(`never answers: each attempt ends at its timeout, one CONNECT each; the undici doors know nothing was sent`, async () => {
    const proxy = await startConnectProxy({ refuse: 'silent' });
    try {
      for (const r of await throughProxy(proxy, doorsOf)) {
        expect(r.error, r.door).toBeInstanceOf(ZimTransportError);
        expect(r.took, r.door).toBeLessThan(deadlineMs + attemptTimeoutMs + 1500);
        expect(r.connects, r.door).toBe(r.error.attempts);
        expect(r.after, r.door).toBe(0);
        if (r.door === 'resilientFetch') {
          // fetch does not say whether it had a connection: the send may have been written
          expect(r.error, r.door).toMatchObject({ attempts: 1, mayHaveCommitted: true });
        } else {
          expect(r.error, r.door).toMatchObject({ mayHaveCommitted: false });
          expect(r.error.attempts, r.door).toBeGreaterThanOrEqual(2);
          expect(r.error.message, r.door).toContain('no connection within the attempt timeout of 300 ms');
        }
      }
    } finally {
      await proxy.close();
    }
  });
}

describe("the user's ProxyAgent of undici 7 (the project's) and a proxy that fails the tunnel", () => {
  proxyCases(undici7Doors);
});

describe.skipIf(!undici8Runs)("the user's ProxyAgent of undici 8 and a proxy that fails the tunnel", () => {
  proxyCases(undici8Doors);
});
