import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Agent, Client, interceptors, Pool, request, fetch as undiciFetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createZimClient,
  resilientFetch,
  ZimHttpError,
  type ZimResilienceOptions,
  zimInterceptor,
} from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { type AnswerEncoding, startEncodingProxy } from './helpers/encodingProxy.js';

// Issue 18, items 1-4, 11 and 15: what every door must do with compressed and odd answers, every
// body form, path-only undici requests, unserializable params and undici's own retry stacked.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function mock(): Promise<MockZimServer> {
  const server = await startMockZimServer({ users: ['a', 'b'] });
  cleanups.push(() => server.close());
  return server;
}
async function proxied(server: MockZimServer, encoding: AnswerEncoding = 'gzip') {
  const proxy = await startEncodingProxy(server.url, encoding);
  cleanups.push(() => proxy.close());
  return proxy;
}
const opts = (server: MockZimServer, baseUrl = server.url, extra: Partial<ZimResilienceOptions> = {}) => ({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl,
  retry: { minDelayMs: 1, maxDelayMs: 5 },
  ...extra,
});
const PEER = {
  FromUserId: 'a',
  ToUserId: ['b'],
  MessageType: 1,
  Priority: 1 as const,
  MessageBody: { Message: 'hi' },
};
const USERS = { UserIds: ['a'] };
const json = { 'content-type': 'application/json' };

function interceptorAgent(server: MockZimServer, baseUrl: string) {
  const zim = zimInterceptor(opts(server, baseUrl));
  const agent = new Agent().compose(zim);
  cleanups.push(
    () => zim.close(),
    () => agent.close(),
  );
  return agent;
}
function fetchDoor(server: MockZimServer, baseUrl: string) {
  const f = resilientFetch(fetch, opts(server, baseUrl));
  cleanups.push(() => f.close());
  return f;
}
function client(server: MockZimServer, baseUrl: string, extra: Partial<ZimResilienceOptions> = {}) {
  const zim = createZimClient(opts(server, baseUrl, extra));
  cleanups.push(() => zim.close());
  return zim;
}
/** The first error of a cause chain that is a ZimHttpError (undici's fetch wraps them in `fetch failed`). */
function httpErrorIn(error: unknown): ZimHttpError | undefined {
  for (let e = error, i = 0; e && i < 5; e = (e as Error).cause, i++) if (e instanceof ZimHttpError) return e;
  return undefined;
}

describe('item 1: compressed answers are decoded before they are classified', () => {
  it.each(['gzip', 'deflate', 'br'] as const)(
    'undici fetch + zimInterceptor, %s: SendPeerMessage and QueryUserInfos arrive once each',
    async (encoding) => {
      const server = await mock();
      const proxy = await proxied(server, encoding);
      const agent = interceptorAgent(server, proxy.url);
      for (const [action, params] of [
        ['SendPeerMessage', PEER],
        ['QueryUserInfos', USERS],
      ] as const) {
        const res = await undiciFetch(`${proxy.url}?Action=${action}`, {
          method: 'POST',
          body: JSON.stringify(params),
          headers: json,
          dispatcher: agent,
        });
        expect(((await res.json()) as { Code: number }).Code).toBe(0);
      }
      expect(proxy.arrivals.map((a) => a.action)).toEqual(['SendPeerMessage', 'QueryUserInfos']);
      expect(proxy.arrivals[0]!.acceptEncoding).toMatch(/gzip/);
    },
  );

  it('undici request + zimInterceptor: the caller gets the bytes as sent, with their content-encoding', async () => {
    const server = await mock();
    const proxy = await proxied(server);
    const res = await request(`${proxy.url}?Action=SendPeerMessage`, {
      method: 'POST',
      body: JSON.stringify(PEER),
      headers: json,
      dispatcher: interceptorAgent(server, proxy.url),
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await res.body.arrayBuffer())).toString()) as {
      Code: number;
    };
    expect(body.Code).toBe(0);
    expect(proxy.arrivals).toHaveLength(1);
  });

  it('the client decodes a gzip answer it did not ask for: one arrival', async () => {
    const server = await mock();
    const proxy = await proxied(server);
    const body = await client(server, proxy.url)
      .call('SendPeerMessage', PEER)
      .catch((e: Error) => ({ Code: e.message }));
    expect(proxy.arrivals).toHaveLength(1);
    expect(body.Code).toBe(0);
  });

  it("resilientFetch's Response has no content-encoding on the decoded body it hands back", async () => {
    const server = await mock();
    const proxy = await proxied(server);
    const res = await fetchDoor(server, proxy.url)(`${proxy.url}?Action=SendPeerMessage`, {
      method: 'POST',
      body: JSON.stringify(PEER),
      headers: json,
    });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(((await res.json()) as { Code: number }).Code).toBe(0);
    expect(proxy.arrivals).toHaveLength(1);
  });

  it('a zip bomb (64 MiB of JSON in 64 KiB of gzip) is "body too large" in every door, after one arrival', async () => {
    const bomb = gzipSync(Buffer.from(`{"Code":0,"Pad":"${'0'.repeat(64 * 1024 * 1024)}"}`));
    expect(bomb.length).toBeLessThan(100 * 1024);
    let arrivals = 0;
    const hostile: Server = createServer((req, res) => {
      arrivals++;
      req.resume();
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': bomb.length,
      });
      res.end(bomb);
    });
    await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => hostile.close(r)));
    const url = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`;
    const o = { appId: 1, serverSecret: 's', baseUrl: url, retry: { minDelayMs: 1, maxDelayMs: 5 } };
    const zim = createZimClient(o);
    const f = resilientFetch(fetch, o);
    const interceptor = zimInterceptor(o);
    const agent = new Agent().compose(interceptor);
    cleanups.push(
      () => zim.close(),
      () => f.close(),
      () => interceptor.close(),
      () => agent.close(),
    );
    const target = `${url}?Action=QueryUserInfos`;
    const init = { method: 'POST', body: '{"UserIds":["a"]}', headers: json } as const;
    const before = process.memoryUsage().rss;
    const errors = [
      await zim.call('QueryUserInfos', USERS).catch((e: unknown) => e),
      await f(target, init).catch((e: unknown) => e),
      await request(target, { ...init, dispatcher: agent }).catch((e: unknown) => e),
      await undiciFetch(target, { ...init, dispatcher: agent }).catch((e: unknown) => e),
    ];
    expect(arrivals).toBe(4); // one per door: too large is fatal
    for (const error of errors) expect(httpErrorIn(error)?.message).toMatch(/body too large/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('item 2: a 2xx that is not ZIM JSON is never resent for a send', () => {
  const doors = {
    client: (server: MockZimServer) => client(server, server.url).call('SendPeerMessage', PEER),
    'resilientFetch(fetch)': (server: MockZimServer) =>
      fetchDoor(server, server.url)(`${server.url}?Action=SendPeerMessage`, {
        method: 'POST',
        body: JSON.stringify(PEER),
        headers: json,
      }),
    'undici request': (server: MockZimServer) =>
      request(`${server.url}?Action=SendPeerMessage`, {
        method: 'POST',
        body: JSON.stringify(PEER),
        headers: json,
        dispatcher: interceptorAgent(server, server.url),
      }),
    'undici fetch': (server: MockZimServer) =>
      undiciFetch(`${server.url}?Action=SendPeerMessage`, {
        method: 'POST',
        body: JSON.stringify(PEER),
        headers: json,
        dispatcher: interceptorAgent(server, server.url),
      }),
  };
  it.each(Object.entries(doors))(
    '%s: one arrival, ZimHttpError with mayHaveCommitted and the body',
    async (_, send) => {
      const server = await mock();
      server.script(
        'SendPeerMessage',
        Array.from({ length: 5 }, () => ({ body: '<html>ok</html>' })),
      );
      const error = httpErrorIn(
        await send(server).then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      expect(server.stats().SendPeerMessage.arrivals).toBe(1);
      expect(error).toMatchObject({ status: 200, category: 'fatal', mayHaveCommitted: true, attempts: 1 });
      expect(error?.bodyPreview).toBe('<html>ok</html>');
      expect(error?.message).toMatch(/not ZIM JSON.*<html>ok<\/html>/);
    },
  );

  it('an idempotent query is still retried past a proxy page', async () => {
    const server = await mock();
    server.script('QueryUserInfos', [{ body: '<html>ok</html>' }]);
    expect((await client(server, server.url).call('QueryUserInfos', USERS)).Code).toBe(0);
    expect(server.stats().QueryUserInfos.arrivals).toBe(2);
  });
});

describe('item 3: resilientFetch reads the params of every body form', () => {
  async function withGroups() {
    const server = await mock();
    const zim = client(server, server.url);
    for (const GroupId of ['g1', 'g2'])
      await zim.call('CreateGroup', { GroupId, GroupOwner: 'a', UserId: ['b'] });
    return server;
  }
  const nickname = (GroupId: string) =>
    JSON.stringify({ FromUserId: 'a', GroupId, UserIds: [{ UserId: 'b', Nickname: 'x' }] });
  const query = JSON.stringify({
    FromUserId: 'a',
    ConvId: 'b',
    ConvType: 0,
    MsgSeqList: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  });
  const forms: Record<string, (url: string, text: string) => [Parameters<typeof fetch>[0], RequestInit?]> = {
    'new Request(url, init) (ky, openapi-fetch)': (url, text) => [
      new Request(url, { method: 'POST', body: text, headers: json }),
    ],
    Blob: (url, text) => [url, { method: 'POST', body: new Blob([text], { type: 'application/json' }) }],
    ArrayBuffer: (url, text) => [
      url,
      { method: 'POST', body: new TextEncoder().encode(text).buffer as ArrayBuffer, headers: json },
    ],
    'ReadableStream, duplex: half': (url, text) => [
      url,
      {
        method: 'POST',
        body: new Blob([text]).stream(),
        headers: json,
        duplex: 'half',
      } as RequestInit,
    ],
  };
  it.each(Object.entries(forms))(
    '%s: two groups in parallel, and the weight of each query',
    async (_, form) => {
      const server = await withGroups();
      const f = fetchDoor(server, server.url);
      const nick = `${server.url}?Action=SetGroupMembersNickname`;
      const started = performance.now();
      const answers = await Promise.all(['g1', 'g2'].map((g) => f(...form(nick, nickname(g)))));
      const groupsMs = performance.now() - started;
      const q = `${server.url}?Action=QueryMessagesByMsgSeq`;
      const queries = await Promise.all(Array.from({ length: 4 }, () => f(...form(q, query))));
      const stats = server.stats().QueryMessagesByMsgSeq;
      expect({ rejected: stats.rejected, arrivals: stats.arrivals }).toEqual({ rejected: 0, arrivals: 4 }); // 10 messages each: two per second at 20 messages/s
      // one key per group: both go at once (one app-wide key would hold the second for 1 s)
      expect(groupsMs).toBeLessThan(900);
      for (const a of [...answers, ...queries]) expect(((await a.json()) as { Code: number }).Code).toBe(0);
    },
  );
});

describe('item 4: path-only undici requests (Pool, Client) are never silently unsigned', () => {
  for (const [name, make] of [
    ['Pool', (url: string) => new Pool(url)],
    ['Client', (url: string) => new Client(url)],
  ] as const) {
    it(`${name}: refused with a clear error, nothing sent; with origin given, signed`, async () => {
      const server = await mock();
      const zim = zimInterceptor(opts(server));
      const dispatcher = make(server.url).compose(zim);
      cleanups.push(
        () => zim.close(),
        () => dispatcher.close(),
      );
      const send = (extra = {}) =>
        dispatcher.request({
          path: '/?Action=QueryUserInfos',
          method: 'POST',
          body: '{"UserIds":["a"]}',
          headers: json,
          ...extra,
        });
      const error = await send().then(
        async (r) => `answered ${((await r.body.json()) as { Code: number }).Code}`,
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/no origin.*pass origin/);
      expect(server.stats().QueryUserInfos?.arrivals ?? 0).toBe(0);
      const res = await send({ origin: server.url });
      expect(((await res.body.json()) as { Code: number }).Code).toBe(0);
    });
  }
});

describe('item 11: params that cannot be serialized', () => {
  it.each([
    [
      'circular',
      () => {
        const p: Record<string, unknown> = { FromUserId: 'a' };
        p['self'] = p;
        return p;
      },
    ],
    ['BigInt', () => ({ ...PEER, Priority: 1n })],
  ])('%s: a TypeError at once, before any slot is taken', async (_, params) => {
    const server = await mock();
    const zim = client(server, server.url, { limits: { SendPeerMessage: { perSecond: 1 } } });
    const started = performance.now();
    const error = await zim.call('SendPeerMessage', params() as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/expected params to be JSON-serializable/);
    expect(performance.now() - started).toBeLessThan(500);
    // the slot of the 1/s action is still free: the next call goes at once
    expect((await zim.call('SendPeerMessage', PEER)).Code).toBe(0);
    expect(performance.now() - started).toBeLessThan(900);
    expect(server.stats().SendPeerMessage.arrivals).toBe(1);
  });
});

describe("item 15: undici's interceptors.retry stacked with zimInterceptor", () => {
  const retry = () => interceptors.retry({ minTimeout: 1, maxTimeout: 2, methods: ['GET', 'POST'] });
  const orders = {
    'retry composed before (inside) ours': (zim: ReturnType<typeof zimInterceptor>) =>
      new Agent().compose(retry(), zim),
    'retry composed after (outside) ours': (zim: ReturnType<typeof zimInterceptor>) =>
      new Agent().compose(zim, retry()),
  };
  it.each(Object.entries(orders))('%s: refused loudly, not multiplied', async (_, make) => {
    const server = await mock();
    server.script(
      'QueryUserInfos',
      Array.from({ length: 40 }, () => ({ http: 503 })),
    );
    const zim = zimInterceptor(opts(server));
    const agent = make(zim);
    cleanups.push(
      () => zim.close(),
      () => agent.close(),
    );
    const error = await request(`${server.url}?Action=QueryUserInfos`, {
      method: 'POST',
      body: '{"UserIds":["a"]}',
      headers: json,
      dispatcher: agent,
    }).catch((e: unknown) => e);
    expect(server.stats().QueryUserInfos?.arrivals ?? 0).toBeLessThanOrEqual(1);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/interceptors\.retry/);
  });

  it('the documented composition: one dispatcher each; ZIM calls get our 5 attempts, no more', async () => {
    const server = await mock();
    server.script(
      'QueryUserInfos',
      Array.from({ length: 40 }, () => ({ http: 503 })),
    );
    const zim = zimInterceptor(opts(server));
    const zimAgent = new Agent().compose(zim);
    const others = new Agent().compose(retry());
    cleanups.push(
      () => zim.close(),
      () => zimAgent.close(),
      () => others.close(),
    );
    const res = await request(`${server.url}?Action=QueryUserInfos`, {
      method: 'POST',
      body: '{"UserIds":["a"]}',
      headers: json,
      dispatcher: zimAgent,
    });
    await res.body.text();
    expect(res.statusCode).toBe(503);
    expect(server.stats().QueryUserInfos.arrivals).toBe(5);
  });
});

describe('the transport contract, piece by piece', () => {
  it('reads every body form once, with the content type it implies', async () => {
    const { readRequestBody } = await import('../src/transport/readRequestBody.js');
    const { requestParams } = await import('../src/transport/requestParams.js');
    const text = '{"GroupId":"g1"}';
    const bytes = new TextEncoder().encode(text);
    const forms: unknown[] = [
      text,
      bytes,
      bytes.buffer,
      new DataView(bytes.buffer),
      new Blob([text], { type: 'application/json' }),
      new Blob([text]).stream(),
      (async function* () {
        yield Buffer.from(text.slice(0, 5));
        yield text.slice(5);
      })(),
    ];
    for (const form of forms) {
      const read = await readRequestBody(form, 1024);
      expect(requestParams(new URLSearchParams('Action=X'), read.body, read.contentType)).toEqual({
        Action: 'X',
        GroupId: 'g1',
      });
    }
    const form = await readRequestBody(new URLSearchParams({ GroupId: 'g2' }), 1024);
    expect(form.contentType).toMatch(/x-www-form-urlencoded/);
    expect(requestParams(new URLSearchParams(), form.body, form.contentType)).toEqual({ GroupId: 'g2' });
    await expect(readRequestBody('x'.repeat(10), 5).then(() => 'read')).resolves.toBe('read'); // strings as given
    await expect(readRequestBody(new Blob(['x'.repeat(10)]), 5)).rejects.toThrow(/maxBodyBytes/);
  });

  it('decodes gzip, deflate (raw too) and br, bounded after decoding', async () => {
    const { decodeBody } = await import('../src/transport/decodeBody.js');
    const zlib = await import('node:zlib');
    const body = Buffer.from('{"Code":0}');
    for (const [encoding, encoded] of [
      ['gzip', zlib.gzipSync(body)],
      ['deflate', zlib.deflateSync(body)],
      ['deflate', zlib.deflateRawSync(body)],
      ['br', zlib.brotliCompressSync(body)],
      ['gzip, br', zlib.brotliCompressSync(zlib.gzipSync(body))],
    ] as const) {
      expect((await decodeBody(encoded, encoding, 100)).bytes.toString()).toBe('{"Code":0}');
    }
    expect(await decodeBody(zlib.gzipSync(Buffer.alloc(1000)), 'gzip', 100)).toMatchObject({
      truncated: true,
    });
    expect(await decodeBody(body, 'compress', 100)).toMatchObject({ undecodable: true });
  });

  it("undici's retry with its default methods (no POST) composed outside: allowed, our 5 attempts", async () => {
    const server = await mock();
    server.script(
      'QueryUserInfos',
      Array.from({ length: 40 }, () => ({ http: 503 })),
    );
    const zim = zimInterceptor(opts(server));
    const agent = new Agent().compose(zim, interceptors.retry({ minTimeout: 1, maxTimeout: 2 }));
    cleanups.push(
      () => zim.close(),
      () => agent.close(),
    );
    const res = await request(`${server.url}?Action=QueryUserInfos`, {
      method: 'POST',
      body: '{"UserIds":["a"]}',
      headers: json,
      dispatcher: agent,
    }).catch((e: Error) => e);
    expect(server.stats().QueryUserInfos.arrivals).toBe(5);
    expect(res).not.toBeInstanceOf(TypeError);
  });
});
