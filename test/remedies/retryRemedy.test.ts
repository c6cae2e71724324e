// The retry remedy alone, driven with a fake `next` (no server, no door, no throttle): fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeadlineExceeded } from '../../src/core/Deadline.js';
import { EventSink } from '../../src/events/EventSink.js';
import { resolveOptions } from '../../src/options/resolveOptions.js';
import type { ZimResilienceOptions } from '../../src/options/ZimResilienceOptions.js';
import { retryRemedy } from '../../src/remedies/retry/retryRemedy.js';
import { busy, fakeCall, fakeNext, ok, tooFrequent } from '../helpers/fakeCall.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const retryWith = (options: ZimResilienceOptions = {}, hooks = {}) =>
  retryRemedy(resolveOptions({ random: () => 0.5, hooks, ...options }), new EventSink(hooks));

describe('retry, alone', () => {
  it('is the step named retry', () => {
    expect(retryWith().step).toBe('retry');
  });

  it('retries busy answers with backoff until success: 3 attempts, waits of 50 then 100 ms', async () => {
    const delays: number[] = [];
    const { next, calls } = fakeNext([busy, busy, ok]);
    const run = retryWith({}, { retry: (e: { delayMs: number }) => delays.push(e.delayMs) })(next)(
      fakeCall(),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(await run).toEqual(ok);
    expect(calls).toHaveLength(3);
    expect(delays).toEqual([50, 100]);
  });

  it('gives up after maxAttempts with the last outcome, saying why', async () => {
    const { next, calls } = fakeNext([busy]);
    const run = retryWith({ retry: { maxAttempts: 3 } })(next)(fakeCall());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await run).toEqual({ ...busy, giveUp: 'max-attempts' });
    expect(calls).toHaveLength(3);
  });

  it('never retries an outcome a remedy inside gave up (the throttle owns rate-limited)', async () => {
    const given = { ...tooFrequent, giveUp: 'max-requeues' as const, requeues: 10 };
    const { next, calls } = fakeNext([given]);
    expect(await retryWith()(next)(fakeCall())).toBe(given);
    expect(calls).toHaveLength(1);
  });

  it('without a throttle inside, a rate-limited answer is backed off like a retryable one', async () => {
    const { next, calls } = fakeNext([tooFrequent, ok]);
    const run = retryWith()(next)(fakeCall());
    await vi.advanceTimersByTimeAsync(1000);
    expect(await run).toEqual(ok);
    expect(calls).toHaveLength(2);
  });

  it('re-signs once at once on auth, with the offset sign reported, then gives up', async () => {
    const resigns: unknown[] = [];
    const expired = { category: 'auth' as const, code: 100000004, clockOffsetMs: -4000 };
    const { next, calls } = fakeNext([expired]);
    const run = retryWith({}, { resign: (e: unknown) => resigns.push(e) })(next)(fakeCall());
    expect(await run).toEqual({ ...expired, giveUp: 're-signed' });
    expect(calls).toHaveLength(2);
    expect(resigns).toEqual([{ action: 'QueryUserInfos', code: 100000004, clockOffsetMs: -4000 }]);
  });

  it('hands the steps inside it the call deadline, counted from the first attempt sent', async () => {
    const { next, calls } = fakeNext([busy, ok]);
    const run = retryWith({ retry: { deadlineMs: 2000 } })(next)(fakeCall());
    await vi.advanceTimersByTimeAsync(1000);
    await run;
    expect(calls[0]!.deadline?.ms).toBe(2000);
    expect(calls[1]!.deadline).toBe(calls[0]!.deadline); // one deadline for the whole call
  });

  it('a slot wait cut by the deadline ends the call with the last outcome, "deadline"', async () => {
    const { next } = fakeNext([busy, new DeadlineExceeded(2000)]);
    const run = retryWith()(next)(fakeCall());
    await vi.advanceTimersByTimeAsync(1000);
    expect(await run).toEqual({ ...busy, giveUp: 'deadline' });
  });

  it('the budget, shared by the calls of one client: a failing server gets about one attempt a call', async () => {
    const retry = retryWith({ retry: { budget: { maxTokens: 4, tokenRatio: 0.1 }, maxAttempts: 5 } });
    const { next, calls } = fakeNext([busy]);
    const runs = Array.from({ length: 5 }, () => retry(next)(fakeCall()));
    await vi.advanceTimersByTimeAsync(10_000);
    const outcomes = await Promise.all(runs);
    expect(outcomes.every((o) => o.giveUp === 'budget')).toBe(true);
    expect(calls.length).toBeLessThan(5 * 5);
    expect(calls.length).toBe(6); // 4 tokens: 1 retry while more than half are left, then 1 attempt a call
  });
});
