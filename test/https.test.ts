import { Agent, type Dispatcher, EnvHttpProxyAgent, ProxyAgent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ZimTransportError } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { type ConnectProxy, startConnectProxy } from './helpers/connectProxy.js';
import { selfSignedCert, type TestCert } from './helpers/selfSignedCert.js';
import { QUERY, SEND, threeDoors } from './helpers/threeDoors.js';
import { startTlsFront, type TlsFront } from './helpers/tlsFront.js';

// The ZIM server API is HTTPS: every door over TLS with a certificate made here, trusted through
// the dispatcher's `connect: { ca }`, directly and through a local CONNECT proxy.

let cert: TestCert;
let mock: MockZimServer;
let front: TlsFront;
let proxy: ConnectProxy;
const dispatchers: Dispatcher[] = [];

beforeAll(async () => {
  cert = selfSignedCert();
  mock = await startMockZimServer({ users: ['u1', 'u2'] });
  front = await startTlsFront(mock.url, cert);
  proxy = await startConnectProxy();
});
afterEach(async () => {
  for (const d of dispatchers.splice(0)) await d.close();
});
afterAll(async () => {
  await proxy.close();
  await front.close();
  await mock.close();
});

const routes: [string, (ca: string | undefined) => Dispatcher][] = [
  ['Agent({ connect: { ca } })', (ca) => new Agent(ca ? { connect: { ca } } : {})],
  [
    'ProxyAgent({ requestTls: { ca } })',
    (ca) => new ProxyAgent({ uri: proxy.url, ...(ca && { requestTls: { ca } }) }),
  ],
  [
    'EnvHttpProxyAgent({ httpsProxy, requestTls: { ca } })',
    (ca) => new EnvHttpProxyAgent({ httpsProxy: proxy.url, noProxy: '', ...(ca && { requestTls: { ca } }) }),
  ],
];

const viaProxy = (route: string) => route !== 'Agent({ connect: { ca } })';

describe.each(routes)('over HTTPS through %s', (route, makeDispatcher) => {
  function doors(trusted: boolean) {
    const dispatcher = makeDispatcher(trusted ? cert.cert : undefined);
    dispatchers.push(dispatcher);
    return threeDoors({ baseUrl: front.url, appId: mock.appId, serverSecret: mock.serverSecret, dispatcher });
  }

  it.each(['createZimClient', 'resilientFetch', 'zimInterceptor'] as const)(
    '%s: retries a busy answer, re-signs, and answers',
    async (name) => {
      const door = doors(true).find((d) => d.name === name)!;
      const tunnels = proxy.tunnels.length;
      mock.resetStats();
      mock.script('QueryUserInfos', [{ code: 1 }, { http: 503 }]);
      try {
        const body = await door.call('QueryUserInfos', QUERY);
        expect(body['Code']).toBe(0);
        expect(mock.stats().QueryUserInfos.arrivals).toBe(3);
        expect(mock.stats().QueryUserInfos.codes['100000005'] ?? 0).toBe(0); // each retry signed anew
        if (viaProxy(route)) {
          expect(proxy.tunnels.length).toBeGreaterThan(tunnels);
          expect(proxy.tunnels.at(-1)).toBe(new URL(front.url).host);
        }
      } finally {
        await door.close();
      }
    },
  );

  it.each(['createZimClient', 'resilientFetch', 'zimInterceptor'] as const)(
    '%s: a reset after the write is not resent, and says the request was written',
    async (name) => {
      const door = doors(true).find((d) => d.name === name)!;
      mock.resetStats();
      mock.script('SendPeerMessage', ['resetAfterCommit']);
      try {
        const error = await door.call('SendPeerMessage', SEND).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ZimTransportError);
        expect(error).toMatchObject({ attempts: 1, mayHaveCommitted: true });
        expect((error as Error).message).toMatch(
          /the request was written, so the call may have been committed/,
        );
        expect(mock.stats().SendPeerMessage.arrivals).toBe(1);
      } finally {
        await door.close();
      }
    },
  );

  it.each(['createZimClient', 'resilientFetch', 'zimInterceptor'] as const)(
    '%s: the certificate not trusted: one attempt per action, nothing sent, the fix named',
    async (name) => {
      const door = doors(false).find((d) => d.name === name)!;
      mock.resetStats();
      const tunnels = proxy.tunnels.length;
      try {
        for (const [action, params] of [
          ['SendPeerMessage', SEND],
          ['QueryUserInfos', QUERY],
        ] as const) {
          const error = await door.call(action, params).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(ZimTransportError);
          expect(error).toMatchObject({ attempts: 1, mayHaveCommitted: false });
          expect((error as ZimTransportError).failure.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
          expect((error as Error).message).toMatch(/NODE_EXTRA_CA_CERTS.*connect: \{ ca \}/);
        }
        expect(mock.stats().SendPeerMessage.arrivals + mock.stats().QueryUserInfos.arrivals).toBe(0);
        if (viaProxy(route)) expect(proxy.tunnels.length - tunnels).toBe(2); // one tunnel per call: no retry
      } finally {
        await door.close();
      }
    },
  );
});

describe('a proxy that refuses the tunnel', () => {
  it.each<[number, number]>([
    [407, 1],
    [502, 5],
  ])(
    'HTTP %i: nothing reached the server; told, and tried %i time(s) even for a send',
    async (status, attempts) => {
      const refusing = await startConnectProxy({ refuse: status });
      const dispatcher = new ProxyAgent({ uri: refusing.url, requestTls: { ca: cert.cert } });
      dispatchers.push(dispatcher);
      mock.resetStats();
      try {
        for (const door of threeDoors({
          baseUrl: front.url,
          appId: mock.appId,
          serverSecret: mock.serverSecret,
          dispatcher,
        })) {
          const before = refusing.tunnels.length;
          const error = await door.call('SendPeerMessage', SEND).catch((e: unknown) => e);
          await door.close();
          expect(error, door.name).toBeInstanceOf(ZimTransportError);
          expect(error, door.name).toMatchObject({ attempts, mayHaveCommitted: false });
          expect((error as Error).message).toContain(
            `the proxy refused to open a tunnel to the server at ${new URL(front.url).host}: HTTP ${status} (UND_ERR_ABORTED); nothing was sent`,
          );
          expect(refusing.tunnels.length - before, door.name).toBe(attempts);
        }
        expect(mock.stats().SendPeerMessage.arrivals).toBe(0);
      } finally {
        await refusing.close();
      }
    },
  );
});
