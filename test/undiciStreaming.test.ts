import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ZimResilienceOptions, ZimTransportError, zimInterceptor } from '../src/index.js';

/**
 * The undici door's fast path: a final answer (a 2xx whose first bytes say a final Code) reaches
 * the caller as it arrives; anything else is buffered, classified whole, replayed or retried.
 * The server sends the head and the first part of each answer, then the rest only once told to.
 */
let server: Server;
let base: string;
let arrivals = 0;
/** What each arrival gets: the first part, and the rest (or 'reset' to destroy the socket instead). */
let script: (n: number) => { status?: number; first: string; rest: string | 'reset' } = () => ({
  first: '{"Code":0,',
  rest: '"Message":"success"}',
});
const held: (() => void)[] = [];

function handle(req: IncomingMessage, res: ServerResponse) {
  const { status = 200, first, rest } = script(++arrivals);
  req.resume();
  const length = Buffer.byteLength(first) + (rest === 'reset' ? 10 : Buffer.byteLength(rest));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': length });
  res.write(first);
  held.push(() => (rest === 'reset' ? res.destroy() : res.end(rest)));
}

/** Lets the server finish every answer it holds. */
const release = () => {
  for (const finish of held.splice(0)) finish();
};

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterEach(() => {
  release();
  server.closeAllConnections();
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

function door(options: Partial<ZimResilienceOptions> = {}) {
  const interceptor = zimInterceptor({
    appId: 1,
    serverSecret: 'streaming-secret',
    baseUrl: base,
    retry: { minDelayMs: 5, maxDelayMs: 10, attemptTimeoutMs: 2000 },
    ...options,
  });
  const agent = new Agent().compose(interceptor);
  return {
    send: () =>
      request(`${base}?Action=QueryUserInfos`, {
        method: 'POST',
        body: '{"UserIds":["a"]}',
        dispatcher: agent,
      }),
    close: async () => {
      await interceptor.close();
      await agent.close();
    },
  };
}

/** Resolves with `p`, or with 'pending' if it has not settled after `ms`. */
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);

/** Polls until the server has held `n` answers (the attempt reached it). */
async function heldAnswers(n: number) {
  while (held.length < n) await new Promise((r) => setTimeout(r, 5));
}

describe('zimInterceptor streams final answers', () => {
  it('a Code 0 answer reaches the caller before its body is complete', async () => {
    arrivals = 0;
    script = () => ({ first: '{"Code":0,', rest: '"Message":"success"}' });
    const d = door();
    const sent = d.send();
    await heldAnswers(1);
    const res = await within(sent, 1000); // buffered, it would wait for the rest
    expect(res).not.toBe('pending');
    if (res === 'pending') return;
    expect(res.statusCode).toBe(200);
    release();
    expect(await res.body.json()).toEqual({ Code: 0, Message: 'success' });
    expect(arrivals).toBe(1);
    await d.close();
  });

  it('a busy answer (Code 1) is held back, retried, and only the final one reaches the caller', async () => {
    arrivals = 0;
    script = (n) =>
      n === 1 ? { first: '{"Code":1,', rest: '"Message":"busy"}' } : { first: '{"Code":0,', rest: '"N":2}' };
    const d = door();
    const sent = d.send();
    await heldAnswers(1);
    expect(await within(sent, 300)).toBe('pending'); // a retryable answer is not handed over
    release();
    await heldAnswers(1);
    const res = await within(sent, 1000);
    if (res === 'pending') throw new Error('the retried answer did not reach the caller');
    release();
    expect(await res.body.json()).toEqual({ Code: 0, N: 2 });
    expect(arrivals).toBe(2);
    await d.close();
  });

  it('a streamed answer that breaks off ends the call with ZimTransportError, not retried (even for a query)', async () => {
    arrivals = 0;
    script = () => ({ first: '{"Code":0,"Pad":"', rest: 'reset' });
    const d = door();
    const res = await d.send();
    release();
    const error = await res.body.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZimTransportError);
    expect((error as ZimTransportError).message).toMatch(/broke off after it began to reach the caller/);
    await new Promise((r) => setTimeout(r, 100));
    expect(arrivals).toBe(1);
    await d.close();
  });

  it("a chain of the user's own buffers every answer (it may retry anything)", async () => {
    arrivals = 0;
    script = () => ({ first: '{"Code":0,', rest: '"Message":"success"}' });
    const d = door({ interceptors: (d) => [d.retry, d.throttle, d.sign, d.classify] });
    const sent = d.send();
    await heldAnswers(1);
    expect(await within(sent, 300)).toBe('pending');
    release();
    const res = await sent;
    expect(await res.body.json()).toEqual({ Code: 0, Message: 'success' });
    await d.close();
  });

  it('an answer whose first bytes do not say its Code is buffered and classified whole', async () => {
    arrivals = 0;
    script = () => ({ first: '{"Message":"success",', rest: '"Code":0}' });
    const d = door();
    const sent = d.send();
    await heldAnswers(1);
    expect(await within(sent, 300)).toBe('pending');
    release();
    const res = await sent;
    expect(await res.body.json()).toEqual({ Message: 'success', Code: 0 });
    expect(arrivals).toBe(1);
    await d.close();
  });
});

describe("zimInterceptor reuses an ended call's controller", () => {
  it("an abort through an ended call's controller reaches no later call", async () => {
    arrivals = 0;
    script = () => ({ first: '{"Code":0,', rest: '"Message":"success"}' });
    const interceptor = zimInterceptor({ appId: 1, serverSecret: 'streaming-secret', baseUrl: base });
    const agent = new Agent().compose(interceptor);
    /** Dispatches one call; resolves with its controller and how it ended. */
    const dispatchOne = () => {
      let controller: { abort(reason: Error): void } | undefined;
      const ended = new Promise<string>((resolve) => {
        agent.dispatch(
          { origin: base, path: '/?Action=QueryUserInfos', method: 'POST', body: '{"UserIds":["a"]}' },
          {
            onRequestStart: (c) => {
              controller = c;
            },
            onResponseStart: () => {},
            onResponseData: () => {},
            onResponseEnd: () => resolve('end'),
            onResponseError: (_c, error) => resolve(`error: ${error.message}`),
          },
        );
      });
      return { ended, controller: () => controller! };
    };
    const first = dispatchOne();
    await heldAnswers(1);
    release();
    expect(await first.ended).toBe('end');
    const second = dispatchOne(); // may get the first call's controller
    await heldAnswers(1);
    first.controller().abort(new Error('late abort of the first call'));
    release();
    expect(await within(second.ended, 1000)).toBe('end');
    // and an abort of a call in progress still ends it
    const third = dispatchOne();
    await heldAnswers(1);
    third.controller().abort(new Error('stop'));
    expect(await within(third.ended, 1000)).toBe('error: stop');
    await interceptor.close();
    await agent.close();
  });
});
