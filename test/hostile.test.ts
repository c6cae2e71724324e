import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createZimClient,
  resilientFetch,
  ZimClosedError,
  ZimError,
  ZimHttpError,
  ZimTransportError,
  zimInterceptor,
} from '../src/index.js';

/**
 * A hostile ZIM server on port 0: what it does to every request is set by `mode`.
 * - trickle: 200, then one byte every 100 ms, forever;
 * - big / big-chunked: 2 MiB of JSON, with and without content-length;
 * - silent: reads the request and never answers.
 */
type Mode = 'trickle' | 'big' | 'big-chunked' | 'silent' | 'ok';
let mode: Mode = 'ok';
let server: Server;
let base: string;
let arrivals = 0;
const timers = new Set<NodeJS.Timeout>();

const BIG = `{"Code":0,"Pad":"${'x'.repeat(2 * 1024 * 1024)}"}`;

function handle(req: IncomingMessage, res: ServerResponse) {
  arrivals++;
  req.resume();
  switch (mode) {
    case 'trickle': {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"Code":0,"Pad":"');
      const t = setInterval(() => res.write('x'), 100);
      timers.add(t);
      res.on('close', () => {
        clearInterval(t);
        timers.delete(t);
      });
      return;
    }
    case 'big':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BIG) });
      res.end(BIG);
      return;
    case 'big-chunked': {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < BIG.length; i += 64 * 1024) res.write(BIG.slice(i, i + 64 * 1024));
      res.end();
      return;
    }
    case 'silent':
      return;
    case 'ok':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"Code":0,"Message":"success"}');
  }
}

const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterEach(() => {
  server.closeAllConnections();
  for (const t of timers) clearInterval(t);
  timers.clear();
});
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 50));
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await new Promise((r) => server.close(r));
  expect(unhandled).toEqual([]);
});

const ATTEMPT_MS = 300;
const DEADLINE_MS = 500;
const options = () => ({
  appId: 1,
  serverSecret: 'hostile-secret',
  baseUrl: base,
  retry: { attemptTimeoutMs: ATTEMPT_MS, deadlineMs: DEADLINE_MS, minDelayMs: 10, maxDelayMs: 20 },
});

/** One way in: sends a QueryUserInfos call, resolves with the Code or rejects; `close` closes what it made. */
interface Door {
  call(signal?: AbortSignal): Promise<unknown>;
  close(): Promise<void>;
  /** Abort listeners the HTTP client under the door adds per call itself (undici's `request()` adds one). */
  readonly clientListenersPerCall?: number;
}

function clientDoor(): Door {
  const client = createZimClient(options());
  return {
    call: (signal) => client.call('QueryUserInfos', { UserIds: ['a'] }, signal ? { signal } : {}),
    close: () => client.close(),
  };
}

function fetchDoor(): Door {
  const f = resilientFetch(fetch, options());
  return {
    call: async (signal) => {
      const res = await f(`${base}?Action=QueryUserInfos`, {
        method: 'POST',
        body: '{"UserIds":["a"]}',
        ...(signal && { signal }),
      });
      return ((await res.json()) as { Code: number }).Code;
    },
    close: () => f.close(),
  };
}

function undiciDoor(): Door {
  const interceptor = zimInterceptor(options());
  const agent = new Agent().compose(interceptor);
  return {
    clientListenersPerCall: 1,
    call: async (signal) => {
      const res = await request(`${base}?Action=QueryUserInfos`, {
        method: 'POST',
        body: '{"UserIds":["a"]}',
        dispatcher: agent,
        ...(signal && { signal }),
      });
      return ((await res.body.json()) as { Code: number }).Code;
    },
    close: async () => {
      await interceptor.close();
      await agent.close();
    },
  };
}

const doors: [string, () => Door][] = [
  ['createZimClient', clientDoor],
  ['resilientFetch', fetchDoor],
  ['zimInterceptor on an undici Agent', undiciDoor],
];

/** Settles `p` or reports it still pending after `ms` (the test then fails on its shape, not on a timeout). */
async function within<T>(p: Promise<T>, ms: number): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<'pending'>((r) => {
    timer = setTimeout(() => r('pending'), ms);
  });
  const settled = p.then(
    (value) => ({ value, ms: performance.now() - started }),
    (error: unknown) => ({ error, ms: performance.now() - started }),
  );
  const result = await Promise.race([settled, pending]);
  clearTimeout(timer);
  return result === 'pending' ? { error: 'still pending', ms } : result;
}

// Every call must settle within deadlineMs + one attemptTimeoutMs; the margin is for a loaded machine.
const BOUND_MS = DEADLINE_MS + ATTEMPT_MS + 700;

describe.each(doors)('hostile server, through %s', (_name, makeDoor) => {
  it('a body that trickles forever: the attempt timeout bounds the whole attempt, then retry and give up', async () => {
    mode = 'trickle';
    const door = makeDoor();
    const results = await Promise.all([door.call(), door.call()].map((p) => within(p, BOUND_MS)));
    for (const r of results) {
      expect(r.error).toBeInstanceOf(ZimTransportError);
      expect((r.error as ZimTransportError).message).toMatch(/attempts?/);
    }
    expect((await within(door.close(), 1000)).error).toBeUndefined();
  });

  it.each(['big', 'big-chunked'] as const)(
    '2 MiB (%s): ZimHttpError "body too large", at once',
    async (m) => {
      mode = m;
      arrivals = 0;
      const door = makeDoor();
      const r = await within(door.call(), BOUND_MS);
      expect(r.error).toBeInstanceOf(ZimHttpError);
      expect((r.error as ZimHttpError).message).toMatch(/body too large/);
      expect(arrivals).toBe(1); // a body too large will be too large again: not retried
      expect((await within(door.close(), 1000)).error).toBeUndefined();
    },
  );

  it('no answer at all: ZimTransportError within deadline + one attempt timeout', async () => {
    mode = 'silent';
    const door = makeDoor();
    const r = await within(door.call(), BOUND_MS);
    expect(r.error).toBeInstanceOf(ZimTransportError);
    expect((await within(door.close(), 1000)).error).toBeUndefined();
  });

  it('close() while a trickling answer is in flight: the call ends with ZimClosedError, close within a second', async () => {
    mode = 'trickle';
    const door = makeDoor();
    const pending = within(door.call(), BOUND_MS);
    await new Promise((r) => setTimeout(r, 100));
    const closed = await within(door.close(), 1000);
    expect(closed.error).toBeUndefined();
    const r = await pending;
    expect(r.error).toBeInstanceOf(ZimClosedError);
    expect(r.ms).toBeLessThan(1000);
  });

  it('1,000 calls on one AbortSignal: no MaxListenersExceededWarning, and abort ends them all', async () => {
    mode = 'silent';
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const door = makeDoor();
    const controller = new AbortController();
    // bare undici.request() warns past 10 calls on one signal by itself: allow exactly its own listeners, none of ours
    if (door.clientListenersPerCall)
      setMaxListeners(1000 * door.clientListenersPerCall + 5, controller.signal);
    const calls = Array.from({ length: 1000 }, () => within(door.call(controller.signal), 3000));
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error('enough'));
    const results = await Promise.all(calls);
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    expect(results.filter((r) => r.error === 'still pending')).toEqual([]);
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
    expect((await within(door.close(), 1000)).error).toBeUndefined();
  });
});

describe('every door gives the same error classes', () => {
  it('an oversized body is a ZimHttpError (a ZimError) in every door', async () => {
    mode = 'big';
    for (const [, makeDoor] of doors) {
      const door = makeDoor();
      const error = await door.call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZimError);
      expect(error).toBeInstanceOf(ZimHttpError);
      await door.close();
    }
  });
});
