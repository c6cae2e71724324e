import { gunzipSync } from 'node:zlib';
import createOpenApiClient from 'openapi-fetch';
import { Agent, Pool, request, fetch as undiciFetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createZimClient, resilientFetch, zimInterceptor } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { type EncodingProxy, startEncodingProxy } from './helpers/encodingProxy.js';

// Issue 18, "Done when": one scenario through every client users run, against a server that
// gzips every answer: a scripted SendPeerMessage, a group-scoped action on two groups
// (SetGroupMembersNickname, 1/s per group) and a message-weighted one (QueryMessagesByMsgSeq,
// 20 messages/s). Counted at the server: one arrival per send, no refusal.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const json = { 'content-type': 'application/json' };
const SENDS: [action: string, body: Record<string, unknown>][] = [
  [
    'SendPeerMessage',
    { FromUserId: 'a', ToUserId: ['b'], MessageType: 1, Priority: 1, MessageBody: { Message: 'hi' } },
  ],
  ...['g1', 'g2'].map((GroupId): [string, Record<string, unknown>] => [
    'SetGroupMembersNickname',
    { FromUserId: 'a', GroupId, UserIds: [{ UserId: 'b', Nickname: 'x' }] },
  ]),
  ...Array.from({ length: 4 }, (): [string, Record<string, unknown>] => [
    'QueryMessagesByMsgSeq',
    { FromUserId: 'a', ConvId: 'b', ConvType: 0, MsgSeqList: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  ]),
];

/** Sends one call as a user of that client would, and returns the ZIM body as the caller reads it. */
type Send = (action: string, body: Record<string, unknown>) => Promise<{ Code: number }>;
interface World {
  readonly server: MockZimServer;
  readonly proxy: EncodingProxy;
  readonly options: { appId: number; serverSecret: string; baseUrl: string };
}

/** The undici answer as the caller reads it: decoded when it still carries its gzip. */
async function undiciJson(res: Awaited<ReturnType<typeof request>>): Promise<{ Code: number }> {
  const bytes = Buffer.from(await res.body.arrayBuffer());
  const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(bytes).toString() : bytes.toString();
  return JSON.parse(text) as { Code: number };
}
function agentOf(world: World) {
  const zim = zimInterceptor(world.options);
  const agent = new Agent().compose(zim);
  cleanups.push(
    () => zim.close(),
    () => agent.close(),
  );
  return agent;
}
const url = (world: World, action: string) => `${world.proxy.url}?Action=${action}`;

/** The server API as an OpenAPI `paths` type (what openapi-typescript would generate): one path, `?Action=`. */
interface OpenApiPaths {
  '/': {
    post: {
      parameters: { query: { Action: string } };
      requestBody: { content: { 'application/json': Record<string, unknown> } };
      responses: { 200: { content: { 'application/json': { Code: number } } } };
    };
  };
}

const clients: Record<string, (world: World) => Send> = {
  "Node's fetch + zimInterceptor": (world) => {
    const dispatcher = agentOf(world);
    return async (action, body) => {
      const init = { method: 'POST', body: JSON.stringify(body), headers: json, dispatcher };
      return (await (await fetch(url(world, action), init as unknown as RequestInit)).json()) as {
        Code: number;
      };
    };
  },
  'undici fetch + zimInterceptor': (world) => {
    const dispatcher = agentOf(world);
    return async (action, body) =>
      (await (
        await undiciFetch(url(world, action), {
          method: 'POST',
          body: JSON.stringify(body),
          headers: json,
          dispatcher,
        })
      ).json()) as { Code: number };
  },
  'undici request + zimInterceptor': (world) => {
    const dispatcher = agentOf(world);
    return async (action, body) =>
      undiciJson(
        await request(url(world, action), {
          method: 'POST',
          body: JSON.stringify(body),
          headers: json,
          dispatcher,
        }),
      );
  },
  'undici Pool + zimInterceptor': (world) => {
    const zim = zimInterceptor(world.options);
    const pool = new Pool(world.proxy.url).compose(zim);
    cleanups.push(
      () => zim.close(),
      () => pool.close(),
    );
    const origin = new URL(world.proxy.url).origin; // undici 7 does not tell interceptors a Pool's origin
    return async (action, body) =>
      undiciJson(
        await pool.request({
          origin,
          path: `/?Action=${action}`,
          method: 'POST',
          body: JSON.stringify(body),
          headers: json,
        }),
      );
  },
  'resilientFetch, fetch(new Request(url, init)) as ky and openapi-fetch do': (world) => {
    const f = resilientFetch(fetch, world.options);
    cleanups.push(() => f.close());
    return async (action, body) =>
      (await (
        await f(
          new Request(url(world, action), { method: 'POST', body: JSON.stringify(body), headers: json }),
        )
      ).json()) as { Code: number };
  },
  'openapi-fetch + resilientFetch': (world) => {
    const f = resilientFetch(fetch, world.options);
    cleanups.push(() => f.close());
    const api = createOpenApiClient<OpenApiPaths>({ baseUrl: world.proxy.url, fetch: f });
    return async (Action, body) => {
      const { data, response } = await api.POST('/', { params: { query: { Action } }, body });
      if (!data) throw new Error(`HTTP ${response.status}`);
      return data;
    };
  },
  createZimClient: (world) => {
    const zim = createZimClient(world.options);
    cleanups.push(() => zim.close());
    return (action, body) => zim.call(action as 'SendPeerMessage', body as never);
  },
};

describe('real clients, one scenario, a gzip-answering server', () => {
  it.each(Object.entries(clients))('%s: one arrival per send, no refusal', async (_, make) => {
    const server = await startMockZimServer({ users: ['a', 'b'] });
    cleanups.push(() => server.close());
    const setup = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
    });
    for (const GroupId of ['g1', 'g2'])
      await setup.call('CreateGroup', { GroupId, GroupOwner: 'a', UserId: ['b'] });
    await setup.close();
    const proxy = await startEncodingProxy(server.url, 'gzip');
    cleanups.push(() => proxy.close());
    const world: World = {
      server,
      proxy,
      options: { appId: server.appId, serverSecret: server.serverSecret, baseUrl: proxy.url },
    };
    const send = make(world);
    server.script('SendPeerMessage', [{ delayMs: 20, headers: { 'x-scripted': 'yes' } }]);

    const answers = await Promise.all(
      SENDS.map(([action, body]) => send(action, body).catch((e: Error) => ({ Code: -1, e }))),
    );
    const refused = Object.values(server.stats()).reduce((n, s) => n + (s?.rejected ?? 0), 0);
    console.log(`${_}: ${proxy.arrivals.length} arrivals for ${SENDS.length} sends, ${refused} refusals`);

    expect(answers.map((a) => a.Code)).toEqual(SENDS.map(() => 0));
    const arrived = (action: string) => proxy.arrivals.filter((a) => a.action === action);
    expect(arrived('SendPeerMessage')).toHaveLength(1);
    expect(arrived('SetGroupMembersNickname')).toHaveLength(2);
    expect(arrived('QueryMessagesByMsgSeq')).toHaveLength(4);
    expect(proxy.arrivals).toHaveLength(SENDS.length);
    const stats = server.stats();
    for (const action of ['SendPeerMessage', 'SetGroupMembersNickname', 'QueryMessagesByMsgSeq'])
      expect(stats[action]?.rejected).toBe(0);
    // the two groups have a key each: both went at once (one app-wide key would hold the second 1 s)
    const [first, second] = arrived('SetGroupMembersNickname');
    expect(Math.abs(second!.at - first!.at)).toBeLessThan(900);
    // 10 messages each at 20 messages/s: two in the first second, two in the next
    expect(stats['QueryMessagesByMsgSeq']?.maxInAnySecond).toBe(20);
  });
});
