import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendAttempt } from '../src/core/Call.js';
import { createEngine } from '../src/engine/createEngine.js';
import { errorFromOutcome } from '../src/errors/errorFromOutcome.js';
import { seededRandom } from '../src/mock/seededRandom.js';
import { resolveOptions } from '../src/options/resolveOptions.js';
import type { ZimResilienceOptions } from '../src/options/ZimResilienceOptions.js';
import { answer, transportError } from './helpers/scriptedSend.js';

const creds = { appId: 1, serverSecret: 'secret-value-never-logged' };
const engineWith = (options: ZimResilienceOptions = {}) =>
  createEngine(resolveOptions({ ...creds, ...options }));

/** A send answering from `codes` per attempt (then 0), recording when each attempt was sent. */
function sendFrom(codes: (number | Error)[], sentAt: number[] = []): SendAttempt {
  return async () => {
    sentAt.push(Date.now());
    const next = codes.shift() ?? 0;
    if (next instanceof Error) throw next;
    return answer(next);
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('deadline (item 4)', () => {
  it('a retry rejoins ahead of new calls: 35 queued on a 1/s action do not make it wait 36 s', async () => {
    const engine = engineWith({ limits: { QueryUserInfos: { perSecond: 1 } } });
    const t0 = Date.now();
    const first = engine.run({ action: 'QueryUserInfos', params: {}, send: sendFrom([1]) });
    const others = Array.from({ length: 35 }, () =>
      engine.run({ action: 'QueryUserInfos', params: {}, send: sendFrom([]) }),
    );
    let doneAt = 0;
    first.then(() => {
      doneAt = Date.now();
    });
    await vi.advanceTimersByTimeAsync(40_000);
    const { outcome } = await first;
    expect(outcome.category).toBe('success');
    expect(doneAt - t0).toBeLessThanOrEqual(2_100); // its retry took the next free slot
    await Promise.all(others);
    await engine.close();
  });

  it('time waiting for a slot counts: every call settles within deadlineMs of its first attempt, and says "deadline"', async () => {
    const deadlineMs = 3000;
    const engine = engineWith({
      limits: { QueryUserInfos: { perSecond: 1 } },
      retry: { deadlineMs, maxAttempts: 100, budget: false },
    });
    const calls = Array.from({ length: 10 }, () => {
      const sentAt: number[] = [];
      const run = engine.run({
        action: 'QueryUserInfos',
        params: {},
        send: sendFrom(Array(100).fill(1), sentAt),
      });
      const ended = run.then(() => Date.now());
      return { run, ended, sentAt };
    });
    await vi.advanceTimersByTimeAsync(60_000);
    for (const { run, ended, sentAt } of calls) {
      const { outcome, call } = await run;
      expect(outcome.category).toBe('retryable');
      if (sentAt.length > 0) {
        expect((await ended) - sentAt[0]!).toBeLessThanOrEqual(deadlineMs);
        expect(errorFromOutcome(outcome, call).message).toMatch(/deadline/);
      }
    }
    await engine.close();
  });
});

describe('full jitter (item 5)', () => {
  it('40 calls answered busy at once retry spread out: no 10 ms slice holds more than a quarter', async () => {
    const engine = engineWith({ limits: { QueryUserInfos: false }, random: seededRandom(9) });
    const retriedAt: number[] = [];
    const t0 = Date.now();
    const runs = Array.from({ length: 40 }, () => {
      let n = 0;
      const send: SendAttempt = async () => {
        if (n++ === 1) retriedAt.push(Date.now() - t0);
        return answer(n === 1 ? 1 : 0);
      };
      return engine.run({ action: 'QueryUserInfos', params: {}, send });
    });
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(runs);
    expect(retriedAt).toHaveLength(40);
    const most = Math.max(...retriedAt.map((t) => retriedAt.filter((u) => u >= t && u < t + 10).length));
    expect(most).toBeLessThanOrEqual(10);
    expect(Math.min(...retriedAt)).toBeLessThan(20); // no floor: some retry almost at once
    await engine.close();
  });
});

describe('one owner per category (item 6)', () => {
  it("rate-limited is the throttle's: maxRequeues 2 means 3 attempts, no backoff retries on top", async () => {
    const engine = engineWith({ maxRequeues: 2 });
    const run = engine.run({
      action: 'QueryUserInfos',
      params: {},
      send: sendFrom(Array(20).fill(660600004)),
    });
    await vi.advanceTimersByTimeAsync(60_000);
    const { outcome, call } = await run;
    expect(outcome.category).toBe('rate-limited');
    expect(call.state.attempts).toBe(3);
    expect(outcome.requeues).toBe(2);
    expect(outcome.giveUp).toBe('max-requeues');
    expect(errorFromOutcome(outcome, call).message).toMatch(/maxRequeues/);
    await engine.close();
  });
});

describe('give-up reasons are worded truly (item 9)', () => {
  const reasonFor = async (action: string, codes: (number | Error)[], options: ZimResilienceOptions = {}) => {
    const engine = engineWith({ limits: { [action]: false }, ...options });
    const run = engine.run({ action, params: {}, send: sendFrom(codes) });
    await vi.advanceTimersByTimeAsync(60_000);
    const { outcome, call } = await run;
    await engine.close();
    return errorFromOutcome(outcome, call).message;
  };
  const resets = () => Array.from({ length: 10 }, () => transportError('ECONNRESET'));

  it('five resets on an idempotent QueryUserInfos: retries spent, not "not idempotent"', async () => {
    const message = await reasonFor('QueryUserInfos', resets());
    expect(message).toMatch(/5 attempts/);
    expect(message).toMatch(/maxAttempts/);
    expect(message).not.toMatch(/not idempotent/);
  });

  it('a reset on SendPeerMessage: not retried because it is not idempotent', async () => {
    const message = await reasonFor('SendPeerMessage', resets());
    expect(message).toMatch(/1 attempt/);
    expect(message).toMatch(/not idempotent/);
  });

  it('the retry budget', async () => {
    const message = await reasonFor('QueryUserInfos', resets(), {
      retry: { budget: { maxTokens: 2, tokenRatio: 0.5 } },
    });
    expect(message).toMatch(/retry budget/);
  });

  it('the deadline', async () => {
    const message = await reasonFor('QueryUserInfos', Array(10).fill(1), {
      retry: { deadlineMs: 250, minDelayMs: 200, maxDelayMs: 200 },
      random: () => 0.99,
    });
    expect(message).toMatch(/deadline/);
  });
});
