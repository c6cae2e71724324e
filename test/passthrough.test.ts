import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PassthroughEvent, ZimResilienceOptions } from '../src/index.js';
import { resilientFetch, zimInterceptor } from '../src/index.js';

// A ZIM-looking request (its query carries Action=) to an origin that is not baseUrl's passes
// through untouched, as all other traffic does, but not silently: a `passthrough` event each time
// and one process warning per origin.

let server: Server;
let port: number;
let hits = 0;
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);

beforeEach(async () => {
  hits = 0;
  warnings.length = 0;
  process.on('warning', onWarning);
  server = createServer((req, res) => {
    hits++;
    req.resume();
    res.setHeader('content-type', 'application/json');
    res.end('{"Code":1,"Message":"busy"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterEach(async () => {
  process.off('warning', onWarning);
  await new Promise((r) => server.close(r));
});

/** Lets process.emitWarning's nextTick deliver. */
const settle = () => new Promise((r) => setImmediate(r));

type Send = (url: string) => Promise<number>;

function viaFetch(options: ZimResilienceOptions): { send: Send; close: () => Promise<void> } {
  const f = resilientFetch(fetch, options);
  return {
    send: async (url) => {
      const res = await f(url, { method: 'POST', body: '{}' });
      await res.text();
      return res.status;
    },
    close: () => f.close(),
  };
}

function viaUndici(options: ZimResilienceOptions): { send: Send; close: () => Promise<void> } {
  const interceptor = zimInterceptor(options);
  const agent = new Agent().compose(interceptor);
  return {
    send: async (url) => {
      const res = await request(url, { method: 'POST', body: '{}', dispatcher: agent });
      await res.body.text();
      return res.statusCode;
    },
    close: async () => {
      await interceptor.close();
      await agent.close();
    },
  };
}

describe.each([
  ['resilientFetch', viaFetch],
  ['zimInterceptor', viaUndici],
] as const)('%s', (_name, door) => {
  it('emits passthrough for each ZIM-looking request elsewhere, and warns once per origin', async () => {
    const events: PassthroughEvent[] = [];
    // baseUrl left at its default, while the calls go to a local server: the classic mistake.
    const { send, close } = door({ hooks: { passthrough: (e) => events.push(e) } });
    try {
      await send(`http://127.0.0.1:${port}/?Action=UserRegister`);
      await send(`http://127.0.0.1:${port}/?Action=QueryUserInfos&AppId=1`);
      await send(`http://localhost:${port}/v1?x=1&Action=UserRegister`);
      await send(`http://127.0.0.1:${port}/health`); // not a ZIM call: nothing to say
      await settle();
    } finally {
      await close();
    }
    expect(hits).toBe(4); // untouched: one attempt each, no retry of the busy answers
    expect(events).toEqual([
      { action: 'UserRegister', origin: `http://127.0.0.1:${port}`, baseUrl: 'https://zim-api.zego.im' },
      { action: 'QueryUserInfos', origin: `http://127.0.0.1:${port}`, baseUrl: 'https://zim-api.zego.im' },
      { action: 'UserRegister', origin: `http://localhost:${port}`, baseUrl: 'https://zim-api.zego.im' },
    ]);
    expect(Object.isFrozen(events[0])).toBe(true);
    expect(warnings.map((w) => [w.name, (w as { code?: string }).code])).toEqual([
      ['ZimPassthroughWarning', 'ZIM_PASSTHROUGH'],
      ['ZimPassthroughWarning', 'ZIM_PASSTHROUGH'],
    ]);
    expect(warnings[0]!.message).toContain(`a request to http://127.0.0.1:${port} with Action=UserRegister`);
    expect(warnings[0]!.message).toContain('baseUrl is https://zim-api.zego.im');
    expect(warnings[1]!.message).toContain(`http://localhost:${port}`);
  });

  it('warns not at all with warnPassthrough: false (the event still fires)', async () => {
    const events: PassthroughEvent[] = [];
    const { send, close } = door({ warnPassthrough: false, hooks: { passthrough: (e) => events.push(e) } });
    try {
      await send(`http://127.0.0.1:${port}/?Action=UserRegister`);
      await settle();
    } finally {
      await close();
    }
    expect(events).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('says nothing about a ZIM call to baseUrl, which gets the remedies', async () => {
    const events: PassthroughEvent[] = [];
    const { send, close } = door({
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { maxAttempts: 2, minDelayMs: 1, maxDelayMs: 1 },
      hooks: { passthrough: (e) => events.push(e) },
    });
    try {
      await send(`http://127.0.0.1:${port}/?Action=QueryUserInfos`);
      await settle();
    } finally {
      await close();
    }
    expect(hits).toBe(2); // retried: Code 1 is retryable
    expect(events).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

it('refuses a warnPassthrough that is not a boolean', () => {
  expect(() => resilientFetch(fetch, { warnPassthrough: 'no' as never })).toThrow(
    'expected warnPassthrough to be a boolean, got "no"',
  );
});
