// The overload rules of the in-process limiter, on fake timers: priorities and their starvation
// share, bounded waits decided from the window's state, and the learned rate's arithmetic.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../src/core/Clock.js';
import { loweredRate, raisedRate } from '../src/limits/adaptiveRate.js';
import type { Permit, SlotWaiter } from '../src/limits/Limiter.js';
import { LOW_PRIORITY_SHARE } from '../src/limits/priorities.js';
import { QueueBoundExceeded } from '../src/limits/QueueBoundExceeded.js';
import { SlidingWindowLimiter } from '../src/limits/SlidingWindowLimiter.js';

/** A waiter that records its grant (and releases it at once: its answer came) or its failure. */
function waiter(log: string[], name: string): SlotWaiter & { error?: unknown } {
  const w: SlotWaiter & { error?: unknown } = {
    weight: 1,
    granted: (p: Permit) => {
      log.push(name);
      p.release();
    },
    failed: (e: unknown) => {
      w.error = e;
    },
  };
  return w;
}

/** A seeded PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SlidingWindowLimiter: priorities, bounds, a learned rate (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('serves a higher priority first; within one, requeued first, then in order', async () => {
    const limiter = new SlidingWindowLimiter([{ capacity: 1, ms: 1000 }], systemClock);
    limiter.tryAcquire(1)!.release();
    const log: string[] = [];
    limiter.enqueue(waiter(log, 'low1'), { priority: -1 });
    limiter.enqueue(waiter(log, 'mid1'), {});
    limiter.enqueue(waiter(log, 'high1'), { priority: 3 });
    limiter.enqueue(waiter(log, 'mid2'), {});
    limiter.enqueue(waiter(log, 'midRequeued'), { requeued: true });
    limiter.enqueue(waiter(log, 'high2'), { priority: 3 });
    await vi.advanceTimersByTimeAsync(6 * 1001);
    expect(log).toEqual(['high1', 'high2', 'midRequeued', 'mid1', 'low1', 'mid2']); // low1: the 5th grant, its share
  });

  it(`property: no waiting call sees a lower priority take a slot before it, but for 1 grant in ${LOW_PRIORITY_SHARE}`, async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = prng(seed);
      const limiter = new SlidingWindowLimiter([{ capacity: 3, ms: 1000 }], systemClock);
      const waiting = new Map<string, number>(); // name -> priority
      const grants: { name: string; priority: number; higherWaiting: boolean; share: boolean }[] = [];
      let lowerRun = 0;
      let n = 0;
      for (let step = 0; step < 60; step++) {
        for (let k = Math.floor(random() * 4); k > 0; k--) {
          const priority = Math.floor(random() * 4) - 1;
          const name = `c${n++}`;
          waiting.set(name, priority);
          limiter.enqueue(
            {
              weight: 1,
              granted: (p) => {
                waiting.delete(name);
                const higherWaiting = [...waiting.values()].some((q) => q > priority);
                const lowest = Math.min(priority, ...waiting.values());
                grants.push({ name, priority, higherWaiting, share: higherWaiting && priority === lowest });
                p.release();
              },
              failed: () => {},
            },
            { priority },
          );
        }
        await vi.advanceTimersByTimeAsync(400);
      }
      await vi.advanceTimersByTimeAsync(100_000);
      expect(waiting.size).toBe(0);
      for (const g of grants) {
        if (!g.higherWaiting) {
          lowerRun++;
          continue;
        }
        // a grant while a higher one waited: only the lowest, as its share, after 4 others
        expect(g.share, `seed ${seed}: ${g.name}`).toBe(true);
      }
      const shares = grants.filter((g) => g.higherWaiting).length;
      expect(shares).toBeLessThanOrEqual(Math.ceil(grants.length / LOW_PRIORITY_SHARE));
      expect(lowerRun).toBeGreaterThan(0);
    }
  });

  it('no starvation: under a full stream of priority-0 calls, a priority -1 batch gets 1 slot in 5', async () => {
    const limiter = new SlidingWindowLimiter([{ capacity: 10, ms: 1000 }], systemClock);
    const log: string[] = [];
    for (let i = 0; i < 100; i++) limiter.enqueue(waiter(log, 'batch'), { priority: -1 });
    // 20 direct calls a second for 10 s: twice what the limit serves
    for (let s = 0; s < 10; s++) {
      for (let i = 0; i < 20; i++) limiter.enqueue(waiter(log, 'direct'), {});
      await vi.advanceTimersByTimeAsync(1000);
    }
    const batch = log.filter((x) => x === 'batch').length;
    expect(log.length).toBeGreaterThanOrEqual(90);
    expect(batch).toBeGreaterThanOrEqual(Math.floor(log.length / LOW_PRIORITY_SHARE) - 1);
    expect(batch).toBeLessThanOrEqual(Math.ceil(log.length / LOW_PRIORITY_SHARE) + 10); // first grants went to it alone
    limiter.close(new Error('end'));
  });

  it('maxWaitMs: refused at once from the window and the queue ahead (exact), else granted within it', async () => {
    const limiter = new SlidingWindowLimiter([{ capacity: 10, ms: 1000 }], systemClock);
    for (let i = 0; i < 10; i++) limiter.tryAcquire(1)!.release(); // all 10 free at +1001 ms
    const log: string[] = [];
    for (let i = 0; i < 10; i++) limiter.enqueue(waiter(log, `q${i}`)); // they take those 10 at +1001
    expect(limiter.estimateMs(1)).toBe(2002); // the 11th: one more window after theirs
    const refused = waiter(log, 'refused');
    limiter.enqueue(refused, { maxWaitMs: 2001 });
    expect(refused.error).toBeInstanceOf(QueueBoundExceeded);
    expect(refused.error).toMatchObject({ queued: 10, retryAfterMs: 2002, maxWaitMs: 2001 });
    expect(limiter.pending).toBe(10); // nothing taken, not queued
    const high = waiter(log, 'high');
    limiter.enqueue(high, { priority: 1, maxWaitMs: 1001 }); // nothing ahead at its priority
    const admitted = waiter(log, 'admitted');
    limiter.enqueue(admitted, { maxWaitMs: 2002 + 1001 });
    await vi.advanceTimersByTimeAsync(1001);
    expect(log).toEqual(['high', 'q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8']);
    await vi.advanceTimersByTimeAsync(1001);
    expect(log.slice(-2)).toEqual(['q9', 'admitted']);
    expect(admitted.error).toBeUndefined();
  });

  it('maxWaitMs: an admitted wait that the estimate got wrong is refused when its bound passes', async () => {
    const limiter = new SlidingWindowLimiter([{ capacity: 1, ms: 1000 }], systemClock);
    const held = limiter.tryAcquire(1)!; // in flight: the estimate says it frees a window from now
    const log: string[] = [];
    const w = waiter(log, 'w');
    limiter.enqueue(w, { maxWaitMs: 1500 });
    expect(w.error).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1499);
    expect(w.error).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(w.error).toBeInstanceOf(QueueBoundExceeded); // its answer never came: refused at 1500 ms, not later
    expect(limiter.pending).toBe(0);
    held.release();
  });

  it('the learned rate: down to what the server took (at most halved), up by 1, 2, 4... after a hold', () => {
    expect(loweredRate(20, 20, 10)).toBe(10); // 10 of 20 refused
    expect(loweredRate(11, 11, 1)).toBe(10); // a probe refused
    expect(loweredRate(20, 20, 20)).toBe(10); // none taken: halved, not 0
    expect(loweredRate(20, 3, 1)).toBe(10); // this client sent 3: someone else spends it
    expect(loweredRate(1, 1, 1)).toBe(1);
    expect([0, 1, 2, 3].map((w) => raisedRate(10, w, 20))).toEqual([11, 13, 17, Number.POSITIVE_INFINITY]);
    expect(raisedRate(10, -1, 20)).toBe(10);
  });

  it('the learned rate through the limiter: held after a refusal, reported by onAdapt, back at the limit', async () => {
    const seen: [number, string][] = [];
    const limiter = new SlidingWindowLimiter([{ capacity: 20, ms: 1000 }], systemClock, undefined, (r, why) =>
      seen.push([r, why]),
    );
    for (let i = 0; i < 20; i++) limiter.tryAcquire(1)!.release();
    for (let i = 0; i < 10; i++) expect(limiter.slowDown()).toBe(true); // the window holds 20 > 10: no pause needed
    expect(seen.at(-1)).toEqual([10, 'refused']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(limiter.rate).toBe(11);
    const rates = [];
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      rates.push(limiter.rate); // learned when asked (the next call's grant): events on the way
    }
    expect(rates).toEqual([13, 17, 20]);
    expect(seen.slice(-4)).toEqual([
      [11, 'probe'],
      [13, 'probe'],
      [17, 'probe'],
      [20, 'recovered'],
    ]);
  });
});
