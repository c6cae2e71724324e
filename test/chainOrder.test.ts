// The order of the chain is checked (issue 19): every one of the 24 orders of the four remedies
// either keeps every promise (limit never exceeded at the server, attempts as documented, the
// clock offset learned) or is refused at construction with a TypeError that says why. Counted
// at the mock server, so no timing margin can flake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createZimClient,
  type DefaultInterceptors,
  type Interceptor,
  type Outcome,
  ZimApiError,
  type ZimResilienceOptions,
} from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';

type Name = keyof DefaultInterceptors;
const NAMES: Name[] = ['retry', 'throttle', 'sign', 'classify'];

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

let server: MockZimServer;
beforeAll(async () => {
  // The server accepts 100/s: what it counts is what the client let through its own 2/s limit.
  server = await startMockZimServer({ limits: { QueryUserInfos: { perSecond: 100 } } });
});
afterAll(async () => {
  await server.close();
});

const base = () =>
  ({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    limits: { QueryUserInfos: { perSecond: 2 } },
    retry: { minDelayMs: 1, maxDelayMs: 2 },
  }) satisfies ZimResilienceOptions;
const QUERY = { UserIds: ['u1'] };
const skewed = {
  now: () => performance.now(),
  wallNow: () => Date.now() + 700_000, // 700 s ahead of the server (it allows 600): every signature "expired"
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** A fresh mock server (scripts and counters its own) for one scenario, and the client's options onto it. */
async function scenario<T>(
  run: (s: MockZimServer, options: ReturnType<typeof base>) => Promise<T>,
): Promise<T> {
  const s = await startMockZimServer({ limits: { QueryUserInfos: { perSecond: 100 } } });
  try {
    return await run(s, { ...base(), appId: s.appId, serverSecret: s.serverSecret, baseUrl: s.url });
  } finally {
    await s.close();
  }
}

/** What one chain does, at the server: refused at construction, or the promises it keeps. */
async function measure(chain: (d: DefaultInterceptors) => Interceptor[]) {
  try {
    await createZimClient({ ...base(), interceptors: chain }).close();
  } catch (error) {
    return { refused: error };
  }
  // 1. the limit: 3 calls, answered busy 3 times between them, never more than 2 in a second
  const limited = await scenario(async (s, options) => {
    const client = createZimClient({ ...options, interceptors: chain });
    s.script('QueryUserInfos', [{ code: 1 }, { code: 1 }, { code: 1 }]);
    await Promise.all([1, 2, 3].map(() => client.call('QueryUserInfos', QUERY)));
    await client.close();
    return s.stats().QueryUserInfos;
  });
  // 2. attempts as documented: busy twice then success is 3 attempts
  const retried = await scenario(async (s, options) => {
    const client = createZimClient({ ...options, interceptors: chain });
    s.script('QueryUserInfos', [{ code: 1 }, { code: 1 }]);
    await client.call('QueryUserInfos', QUERY);
    await client.close();
    return s.stats().QueryUserInfos.arrivals;
  });
  // 3. rate-limited always with maxRequeues 1: 1 + 1 = 2 attempts
  const [refusal, requeueArrivals] = await scenario(async (s, options) => {
    const client = createZimClient({ ...options, maxRequeues: 1, interceptors: chain });
    s.script('QueryUserInfos', Array(6).fill({ code: 660700001 }));
    const refusal = await client.call('QueryUserInfos', QUERY).catch((e: unknown) => e);
    await client.close();
    return [refusal, s.stats().QueryUserInfos.arrivals] as const;
  });
  // 4. the clock offset: learned on the first call (2 attempts), used by the next (1)
  const [firstCall, secondCall] = await scenario(async (s, options) => {
    const client = createZimClient({ ...options, clock: skewed, interceptors: chain });
    await client.call('QueryUserInfos', QUERY);
    const first = s.stats().QueryUserInfos.arrivals;
    await client.call('QueryUserInfos', QUERY);
    await client.close();
    return [first, s.stats().QueryUserInfos.arrivals - first] as const;
  });
  return { refused: undefined, limited, retried, refusal, requeueArrivals, firstCall, secondCall };
}

describe('the three measurements of issue 19', () => {
  it('interceptors: (d) => [d.throttle] is refused: sign and classify cannot be left out', () => {
    expect(() => createZimClient({ ...base(), interceptors: (d) => [d.throttle] })).toThrow(
      /interceptors: the chain leaves out sign, which it cannot/,
    );
    expect(() => createZimClient({ ...base(), interceptors: (d) => [d.throttle, d.sign] })).toThrow(
      /leaves out classify/,
    );
  });

  it('[retry, throttle, classify, sign] is refused: sign learns the offset from classified answers', () => {
    expect(() =>
      createZimClient({ ...base(), interceptors: (d) => [d.retry, d.throttle, d.classify, d.sign] }),
    ).toThrow(
      /classify is placed outside sign, but sign must be outside classify: sign learns the clock offset/,
    );
  });

  it('[throttle, retry, sign, classify] is refused: every retry must wait for a slot of its own', () => {
    expect(() =>
      createZimClient({ ...base(), interceptors: (d) => [d.throttle, d.retry, d.sign, d.classify] }),
    ).toThrow(/throttle is placed outside retry, but retry must be outside throttle/);
  });
});

/** Every promise, as the server counted it. */
function expectPromisesKept(m: Exclude<Awaited<ReturnType<typeof measure>>, { refused: Error }>) {
  expect(m.limited!.arrivals).toBe(6); // 3 calls, 3 busy answers retried
  expect(m.limited!.maxInAnySecond).toBeLessThanOrEqual(2); // the client's 2/s, retries included
  expect(m.retried).toBe(3); // busy twice, then success: 3 attempts
  expect(m.refusal).toBeInstanceOf(ZimApiError);
  expect((m.refusal as ZimApiError).attempts).toBe(2);
  expect(m.requeueArrivals).toBe(2); // 1 + maxRequeues, nothing retried on top
  expect(m.firstCall).toBe(2); // refused once, re-signed with the learned offset
  expect(m.secondCall).toBe(1); // the next call is signed right at once
}

describe('all 24 orders of the four remedies', () => {
  const kept: string[] = [];
  for (const order of permutations(NAMES)) {
    it(`[${order.join(', ')}]: keeps every promise or is refused with a TypeError`, async () => {
      const m = await measure((d) => order.map((n) => d[n]));
      if (m.refused !== undefined) {
        expect(m.refused).toBeInstanceOf(TypeError);
        expect((m.refused as Error).message).toMatch(
          /^interceptors: \w+ is placed outside \w+, but \w+ must be outside \w+: .{20,}/,
        );
        return;
      }
      expectPromisesKept(m);
      kept.push(order.join(','));
    }, 20_000);
  }

  it('exactly one order is kept: retry, throttle, sign, classify', () => {
    expect(kept).toEqual(['retry,throttle,sign,classify']);
  });
});

describe('what may be left out, and steps of your own', () => {
  it('a chain without throttle or retry is allowed, and without retry nothing is retried', async () => {
    const client = createZimClient({ ...base(), interceptors: (d) => [d.throttle, d.sign, d.classify] });
    server.script('QueryUserInfos', [{ code: 1 }]);
    await expect(client.call('QueryUserInfos', QUERY)).rejects.toMatchObject({ code: 1, attempts: 1 });
    await client.close();
    expect(() =>
      createZimClient({ ...base(), interceptors: (d) => [d.retry, d.sign, d.classify] }),
    ).not.toThrow();
  });

  it('a remedy twice is refused', () => {
    expect(() =>
      createZimClient({ ...base(), interceptors: (d) => [d.retry, d.retry, d.throttle, d.sign, d.classify] }),
    ).toThrow(/interceptors: retry is in the chain twice/);
  });

  it('a step placed by name: { before: "classify" } sees every attempt, classified', async () => {
    const seen: string[] = [];
    const log: Interceptor = (next) => async (call) => {
      const outcome: Outcome = await next(call);
      seen.push(`${outcome.category}:${outcome.code}`);
      return outcome;
    };
    const client = createZimClient({
      ...base(),
      interceptors: [{ name: 'log', interceptor: log, before: 'classify' }],
    });
    server.script('QueryUserInfos', [{ code: 1 }]);
    await client.call('QueryUserInfos', QUERY);
    await client.close();
    // before classify means outside it: it sees the category classify gave
    expect(seen).toEqual(['retryable:1', 'success:0']);
  });

  it('{ after: "classify" } sees the raw attempt, before it is classified', async () => {
    const seen: (number | undefined)[] = [];
    const raw: Interceptor = (next) => async (call) => {
      const outcome = await next(call);
      seen.push(outcome.code);
      return outcome;
    };
    const client = createZimClient({
      ...base(),
      interceptors: [{ name: 'raw', interceptor: raw, after: 'classify' }],
    });
    await client.call('QueryUserInfos', QUERY);
    await client.close();
    expect(seen).toEqual([undefined]); // no Code yet: classify reads it
  });

  it('a placement that names no step, or both sides, is a TypeError naming the option', () => {
    const interceptor: Interceptor = (next) => next;
    expect(() =>
      createZimClient({ ...base(), interceptors: [{ name: 'x', interceptor, before: 'nope' as 'sign' }] }),
    ).toThrow(/expected interceptors 'x' to give one of before and after, naming a step/);
    expect(() =>
      createZimClient({
        ...base(),
        interceptors: [{ name: 'x', interceptor, before: 'sign', after: 'sign' }],
      }),
    ).toThrow(TypeError);
    expect(() => createZimClient({ ...base(), interceptors: [{ name: 'x' } as never] })).toThrow(
      /expected interceptors\[0\] to be \{ name, interceptor, before \| after \}/,
    );
  });
});
