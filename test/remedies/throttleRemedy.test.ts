// The throttle alone, driven with a fake `next` (no server, no retry outside it): fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/core/Clock.js';
import { Deadline } from '../../src/core/Deadline.js';
import { EventSink } from '../../src/events/EventSink.js';
import { LimiterRegistry, localLimiterFactory, localQuotaFactory } from '../../src/limits/LimiterRegistry.js';
import { resolveOptions } from '../../src/options/resolveOptions.js';
import type { ZimResilienceOptions } from '../../src/options/ZimResilienceOptions.js';
import { Prepaid } from '../../src/remedies/throttle/Prepaid.js';
import { throttleRemedy } from '../../src/remedies/throttle/throttleRemedy.js';
import { busy, fakeCall, fakeNext, ok, tooFrequent } from '../helpers/fakeCall.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const throttleWith = (options: ZimResilienceOptions = {}) => {
  const limiters = new LimiterRegistry(localLimiterFactory(systemClock), localQuotaFactory(systemClock));
  const throttle = throttleRemedy(
    resolveOptions({ limits: { QueryUserInfos: { perSecond: 2 } }, ...options }),
    limiters,
    new EventSink(),
  );
  return { throttle, limiters };
};

describe('throttle, alone', () => {
  it('is the step named throttle', () => {
    expect(throttleWith().throttle.step).toBe('throttle');
  });

  it('5 calls on a 2/s action: never more than 2 sent in any sliding second', async () => {
    const { throttle } = throttleWith();
    const sentAt: number[] = [];
    const { next } = fakeNext([ok]);
    const handler = throttle(async (call) => {
      sentAt.push(Date.now());
      return next(call);
    });
    const runs = Array.from({ length: 5 }, () => handler(fakeCall()));
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all(runs);
    expect(sentAt).toHaveLength(5);
    const most = Math.max(...sentAt.map((t) => sentAt.filter((u) => u >= t && u < t + 1000).length));
    expect(most).toBe(2);
  });

  it('a rate-limited answer is requeued, at most maxRequeues times, then given up with the count', async () => {
    const { throttle } = throttleWith({ maxRequeues: 2 });
    const { next, calls } = fakeNext([tooFrequent]);
    const run = throttle(next)(fakeCall());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await run).toEqual({ ...tooFrequent, giveUp: 'max-requeues', requeues: 2 });
    expect(calls).toHaveLength(3); // 1 + maxRequeues
  });

  it('other answers pass through untouched: retrying them is not its business', async () => {
    const { throttle } = throttleWith();
    const { next, calls } = fakeNext([busy]);
    expect(await throttle(next)(fakeCall())).toBe(busy);
    expect(calls).toHaveLength(1);
  });

  it("a requeue pause that outlasts the call's deadline (retry's, on the call) gives up at once", async () => {
    const { throttle } = throttleWith();
    const call = fakeCall();
    const deadline = new Deadline(500, systemClock, call.signal, { firstSentAt: systemClock.now() });
    const { next, calls } = fakeNext([tooFrequent]);
    const run = throttle(next)({ ...call, deadline });
    await vi.advanceTimersByTimeAsync(2000);
    expect(await run).toEqual({ ...tooFrequent, giveUp: 'deadline', requeues: 0 });
    expect(calls).toHaveLength(1);
    deadline.dispose();
  });

  it('the first slot the engine prepaid is used once, not a slot more', async () => {
    const { throttle, limiters } = throttleWith();
    const limit = resolveOptions({ limits: { QueryUserInfos: { perSecond: 2 } } }).limits.get(
      'QueryUserInfos',
    )!;
    const limiter = limiters.get('QueryUserInfos', undefined, limit);
    const prepaid = new Prepaid(limiter.tryAcquire(1)!);
    limiter.tryAcquire(1); // the second and last slot of this second
    const { next, calls } = fakeNext([ok]);
    const run = throttle(next)(fakeCall({ firstSlot: prepaid }));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1); // sent at once, on the prepaid slot
    await run;
    expect(prepaid.take()).toBeUndefined();
  });

  it('an action without a limit never touches a limiter', async () => {
    const { throttle, limiters } = throttleWith({ limits: { QueryUserInfos: false } });
    const { next } = fakeNext([ok]);
    await throttle(next)(fakeCall());
    expect(limiters.size).toBe(0);
  });
});
