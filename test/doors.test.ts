import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, getGlobalDispatcher, request, setGlobalDispatcher, fetch as undiciFetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Interceptor, Outcome, ZimResilienceOptions } from '../src/index.js';
import { resilientFetch, ZimTransportError, zimInterceptor } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { signedUrl } from './helpers/signedUrl.js';

let server: MockZimServer;
let other: Server;
let otherHits = 0;
let otherUrl: string;
const cleanups: (() => Promise<unknown>)[] = [];

beforeEach(async () => {
  server = await startMockZimServer();
  otherHits = 0;
  other = createServer((req, res) => {
    otherHits++;
    req.resume();
    res.statusCode = 503;
    res.end('{"Code":1}');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/?Action=QueryUserInfos`;
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await server.close();
  await new Promise((r) => other.close(r));
});

const opts = (extra = {}) => ({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
  retry: { minDelayMs: 5, maxDelayMs: 20 },
  ...extra,
});

const body = JSON.stringify({ UserIds: ['a'] });
const post = { method: 'POST', body, headers: { 'content-type': 'application/json' } };

/** Each door, as a function that sends a POST and returns { status, json } or throws. */
type Door = (url: URL | string) => Promise<{ status: number; json: Record<string, unknown> }>;

function fetchDoor(options: Partial<ZimResilienceOptions> = {}): Door {
  const f = resilientFetch(fetch, opts(options));
  cleanups.push(() => f.close());
  return async (url) => {
    const res = await f(url, post);
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
}

function undiciDoor(options = {}, via: 'request' | 'fetch' = 'request'): Door {
  const interceptor = zimInterceptor(opts(options));
  const agent = new Agent().compose(interceptor);
  cleanups.push(
    () => agent.close(),
    () => interceptor.close(),
  );
  return async (url) => {
    if (via === 'fetch') {
      const res = await undiciFetch(url, { ...post, dispatcher: agent });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    }
    const res = await request(url, { ...post, method: 'POST', dispatcher: agent });
    return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> };
  };
}

const doors: [string, (o?: object) => Door][] = [
  ['resilientFetch(fetch)', fetchDoor],
  ['zimInterceptor + undici.request', (o) => undiciDoor(o, 'request')],
  ['zimInterceptor + undici.fetch', (o) => undiciDoor(o, 'fetch')],
];

describe.each(doors)('%s', (_name, makeDoor) => {
  it('retries busy, gateway and 503, re-signs, and hands back a readable answer', async () => {
    const door = makeDoor();
    server.script('QueryUserInfos', [{ code: 1 }, { code: 100000015 }, { http: 503 }]);
    const url = signedUrl(server.url, 'QueryUserInfos', server.appId, server.serverSecret);
    const { status, json } = await door(url);
    expect(status).toBe(200);
    expect(json['Code']).toBe(0);
    expect(server.stats().QueryUserInfos.arrivals).toBe(4);
    expect(server.stats().QueryUserInfos.codes['100000005'] ?? 0).toBe(0); // each retry was signed anew
  });

  it('re-signs a URL whose timestamp is 15 minutes stale', async () => {
    const door = makeDoor();
    const stale = Math.floor(Date.now() / 1000) - 15 * 60;
    const { json } = await door(
      signedUrl(server.url, 'QueryUserInfos', server.appId, server.serverSecret, {}, stale),
    );
    expect(json['Code']).toBe(0);
  });

  it('hands a fatal answer back as is, after one attempt', async () => {
    const door = makeDoor();
    server.script('QueryUserInfos', [{ code: 660000002 }]);
    const { json } = await door(signedUrl(server.url, 'QueryUserInfos', server.appId, server.serverSecret));
    expect(json['Code']).toBe(660000002);
    expect(server.stats().QueryUserInfos.arrivals).toBe(1);
  });

  it('keeps 60 concurrent calls under 20/s: no rejection', async () => {
    const door = makeDoor();
    const urls = Array.from({ length: 60 }, () =>
      signedUrl(server.url, 'QueryUserInfos', server.appId, server.serverSecret),
    );
    const results = await Promise.all(urls.map((u) => door(u)));
    expect(results.every((r) => r.json['Code'] === 0)).toBe(true);
    const s = server.stats().QueryUserInfos;
    expect(s.rejected).toBe(0);
    expect(s.maxInAnySecond).toBe(20);
  });

  it('does not resend a SendPeerMessage after a reset once written', async () => {
    const door = makeDoor();
    server.script('SendPeerMessage', ['resetAfterCommit']);
    const error = await door(
      signedUrl(server.url, 'SendPeerMessage', server.appId, server.serverSecret),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error.message) + String(error.cause?.message)).toMatch(/may have been committed/);
    expect(server.stats().SendPeerMessage.arrivals).toBe(1);
  });

  it('passes requests to other origins through untouched', async () => {
    const door = makeDoor();
    const { status } = await door(otherUrl);
    expect(status).toBe(503);
    expect(otherHits).toBe(1);
  });
});

describe('composing', () => {
  it('a user chain: retry left out, a logging interceptor of their own added', async () => {
    const seen: string[] = [];
    const logging: Interceptor = (next) => async (call) => {
      const outcome: Outcome = await next(call);
      seen.push(`${call.action}:${outcome.category}:${outcome.code}`);
      return outcome;
    };
    const door = fetchDoor({
      interceptors: ({ throttle, sign, classify }) => [logging, throttle, sign, classify],
    });
    server.script('QueryUserInfos', [{ code: 1 }]);
    const { json } = await door(signedUrl(server.url, 'QueryUserInfos', server.appId, server.serverSecret));
    expect(json['Code']).toBe(1); // no retry interceptor: the busy answer comes straight back
    expect(seen).toEqual(['QueryUserInfos:retryable:1']);
    expect(server.stats().QueryUserInfos.arrivals).toBe(1);
  });

  it('setGlobalDispatcher makes plain undici calls resilient', async () => {
    const previous = getGlobalDispatcher();
    const interceptor = zimInterceptor(opts());
    const agent = new Agent().compose(interceptor);
    setGlobalDispatcher(agent);
    cleanups.push(
      async () => setGlobalDispatcher(previous),
      () => agent.close(),
      () => interceptor.close(),
    );
    server.script('QueryUserInfos', [{ code: 1 }]);
    const res = await request(signedUrl(server.url, 'QueryUserInfos', server.appId, server.serverSecret), {
      ...post,
      method: 'POST',
    });
    expect(((await res.body.json()) as { Code: number }).Code).toBe(0);
  });

  it('the fetch door throws ZimTransportError with the cause when nothing answered', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((r) => closed.close(r)); // nothing listens there now: connection refused
    const f = resilientFetch(fetch, {
      baseUrl: base,
      retry: { maxAttempts: 2, minDelayMs: 1, maxDelayMs: 1 },
    });
    cleanups.push(() => f.close());
    const error = await f(`${base}/?Action=SendPeerMessage`, post).catch((e) => e);
    expect(error).toBeInstanceOf(ZimTransportError);
    expect(error).toMatchObject({ attempts: 2, mayHaveCommitted: false }); // refused: retried even for a send
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});
