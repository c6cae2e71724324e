import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../src/core/Clock.js';
import type { Permit, SlotWaiter } from '../src/limits/Limiter.js';
import { resolveLimits } from '../src/limits/resolveLimits.js';
import { SlidingWindowLimiter } from '../src/limits/SlidingWindowLimiter.js';
import { windowsOf } from '../src/limits/windowsOf.js';

describe('SlidingWindowLimiter (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('grants N at once synchronously, then one more only 1000 ms after an answer', async () => {
    const limiter = new SlidingWindowLimiter([{ capacity: 3, ms: 1000 }], systemClock);
    const permits = [limiter.tryAcquire(1), limiter.tryAcquire(1), limiter.tryAcquire(1)];
    expect(permits.every(Boolean)).toBe(true);
    expect(limiter.tryAcquire(1)).toBeUndefined();
    let granted = false;
    const waiting = limiter.acquire(1).then((p) => {
      granted = true;
      return p;
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(granted).toBe(false); // nothing answered yet: slots are still held
    permits[0]!.release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(granted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toBe(true);
    (await waiting).release();
  });

  it('a pause whose timer fires early still wakes its waiters (Node timers can run 1 ms early against Date.now())', async () => {
    const early = {
      now: () => Date.now(),
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, Math.max(1, ms - 1)),
      clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    const limiter = new SlidingWindowLimiter([{ capacity: 1, ms: 1000 }], early);
    limiter.tryAcquire(1)!.release(); // the answer came: its slot frees 1001 ms from now
    await vi.advanceTimersByTimeAsync(5); // the requeue pauses a little later, as under load
    limiter.pause(1000);
    let granted = false;
    const waiting = limiter.acquire(1, { requeued: true }).then((p) => {
      granted = true;
      return p;
    });
    await vi.advanceTimersByTimeAsync(995);
    expect(granted).toBe(false); // still paused (until 1,005 ms from the release)
    await vi.advanceTimersByTimeAsync(10);
    expect(granted).toBe(true); // stuck for good when the early pause timer found the limiter still paused
    (await waiting).release();
  });

  it('never grants more than N in any sliding second, and reaches N per second', async () => {
    const limiter = new SlidingWindowLimiter([{ capacity: 20, ms: 1000 }], systemClock);
    const grants: number[] = [];
    const calls = Array.from({ length: 100 }, () =>
      limiter.acquire(1).then((p) => {
        grants.push(Date.now());
        setTimeout(() => p.release(), 5); // a 5 ms round trip
      }),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(calls);
    expect(grants).toHaveLength(100);
    let max = 0;
    for (let i = 0; i < grants.length; i++) {
      const inWindow = grants.filter((t) => t >= grants[i]! && t < grants[i]! + 1000).length;
      max = Math.max(max, inWindow);
    }
    expect(max).toBe(20);
    const span = grants.at(-1)! - grants[0]!;
    expect(span).toBeLessThanOrEqual(4 * 1006 + 10); // 5 bursts of 20, each 1000 ms + round trip + 1 apart
  });

  it('puts priority waiters first and honours pause', async () => {
    const limiter = new SlidingWindowLimiter([{ capacity: 1, ms: 1000 }], systemClock);
    const first = limiter.tryAcquire(1)!;
    const order: string[] = [];
    const mark = (name: string) => (p: Permit) => {
      order.push(name);
      return p;
    };
    const a = limiter.acquire(1).then(mark('a'));
    const b = limiter.acquire(1, { requeued: true }).then(mark('b'));
    first.release();
    limiter.pause(3000);
    await vi.advanceTimersByTimeAsync(2999);
    expect(order).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(order).toEqual(['b']);
    (await b).release();
    await vi.advanceTimersByTimeAsync(1002);
    expect(order).toEqual(['b', 'a']);
    (await a).release();
  });

  it('rejects a waiter on abort, removes it, and rejects all on close', async () => {
    const limiter = new SlidingWindowLimiter([{ capacity: 1, ms: 1000 }], systemClock);
    limiter.tryAcquire(1);
    const controller = new AbortController();
    const aborted = limiter.acquire(1, { signal: controller.signal });
    const closed = limiter.acquire(1);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(limiter.pending).toBe(1);
    limiter.close(new Error('closed'));
    await expect(closed).rejects.toThrow('closed');
    await expect(limiter.acquire(1)).rejects.toThrow('closed');
  });

  it('enqueue tells each waiter once, in order: granted, aborted or closed (a queued call is its own object)', async () => {
    const limiter = new SlidingWindowLimiter([{ capacity: 1, ms: 1000 }], systemClock);
    const told: string[] = [];
    const waiter = (name: string): SlotWaiter => ({
      weight: 1,
      granted: (permit) => {
        told.push(`${name} granted`);
        permit.release();
      },
      failed: (reason) => told.push(`${name} failed: ${(reason as Error).message}`),
    });
    limiter.enqueue(waiter('a')); // free: told at once
    expect(told).toEqual(['a granted']);
    const controller = new AbortController();
    limiter.enqueue(waiter('b'), { signal: controller.signal });
    limiter.enqueue(waiter('c'));
    limiter.enqueue(waiter('d'));
    expect(limiter.pending).toBe(3);
    controller.abort(new Error('stop'));
    controller.abort(new Error('again'));
    await vi.advanceTimersByTimeAsync(1001);
    expect(told).toEqual(['a granted', 'b failed: stop', 'c granted']);
    limiter.close(new Error('closed'));
    limiter.close(new Error('closed twice'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(told).toEqual(['a granted', 'b failed: stop', 'c granted', 'd failed: closed']);
    limiter.enqueue(waiter('e'));
    expect(told.at(-1)).toBe('e failed: closed');
  });

  it('calls onIdle only when nothing is held or waiting', async () => {
    const onIdle = vi.fn();
    const limiter = new SlidingWindowLimiter([{ capacity: 2, ms: 1000 }], systemClock, onIdle);
    const a = limiter.tryAcquire(1)!;
    const b = limiter.tryAcquire(1)!;
    a.release();
    await vi.advanceTimersByTimeAsync(1100);
    expect(onIdle).not.toHaveBeenCalled(); // b is still in flight
    b.release();
    await vi.advanceTimersByTimeAsync(1100);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('slowDown learns what the server took (at most halving), holds 5 s, then probes up by 1, 2, 4... to the limit', async () => {
    const limiter = new SlidingWindowLimiter([{ capacity: 20, ms: 1000 }], systemClock);
    const grantNow = () => {
      const permits: Permit[] = [];
      for (let p = limiter.tryAcquire(1); p; p = limiter.tryAcquire(1)) permits.push(p);
      for (const p of permits) p.release();
      return permits.length;
    };
    expect(grantNow()).toBe(20);
    for (let i = 0; i < 10; i++) limiter.slowDown(); // 10 of the 20 refused: the server took 10
    expect(limiter.rate).toBe(10);
    await vi.advanceTimersByTimeAsync(1001);
    expect(grantNow()).toBe(10);
    await vi.advanceTimersByTimeAsync(1001);
    expect(grantNow()).toBe(10); // still holding (5 s from the refusal)
    await vi.advanceTimersByTimeAsync(2998);
    expect(limiter.rate).toBe(11); // the first probe: one more
    await vi.advanceTimersByTimeAsync(1000);
    expect(limiter.rate).toBe(13);
    await vi.advanceTimersByTimeAsync(1000);
    expect(limiter.rate).toBe(17);
    await vi.advanceTimersByTimeAsync(1000);
    expect(limiter.rate).toBe(20); // back at the limit, never above
    // 20 refusals of 20 sent: at most halved, not to 0
    expect(grantNow()).toBe(20);
    for (let i = 0; i < 20; i++) limiter.slowDown();
    expect(limiter.rate).toBe(10);
  });

  it('rejects a weight that can never fit', async () => {
    const limiter = new SlidingWindowLimiter([{ capacity: 5, ms: 1000 }], systemClock);
    await expect(limiter.acquire(6)).rejects.toThrow(RangeError);
  });
});

describe('limits', () => {
  it('merges overrides over the documented limits and turns one off with false', () => {
    const limits = resolveLimits(
      {
        SendPeerMessage: { perSecond: 5 },
        QueryAppGroupList: false,
        MyAction: { perSecond: 2, scope: 'group' },
      },
      new Set(['MyAction']), // customActions
    );
    expect(limits.get('SendPeerMessage')).toMatchObject({ perSecond: 5, scope: 'app' });
    expect(limits.has('QueryAppGroupList')).toBe(false);
    expect(limits.get('MyAction')).toMatchObject({ perSecond: 2, scope: 'group' });
    expect(limits.get('InviteUsersIntoGroup')).toMatchObject({ perSecond: 1, scope: 'group' });
    expect(limits.get('SendMessageToAllUsers')?.dailyQuota).toBe(100);
    expect(limits.get('QueryMessagesByMsgSeq')?.unit).toBe('message');
  });

  it('names a wrong option', () => {
    expect(() => resolveLimits({ SendPeerMessage: { perSecond: -1 } })).toThrow(
      'expected limits.SendPeerMessage.perSecond to be a positive finite number, got -1',
    );
    expect(() => resolveLimits({ X: {} }, new Set(['X']))).toThrow(/limits\.X\.perSecond/);
    expect(() => resolveLimits({ SendPeerMessage: { scope: 'world' as 'app' } })).toThrow(
      /limits\.SendPeerMessage\.scope/,
    );
    expect(() => resolveLimits({ SendPeerMessage: { burst: 50 } })).toThrow(/limits\.SendPeerMessage\.burst/);
    expect(() => resolveLimits({ SendPeerMessage: { perSec: 5 } as never })).toThrow(
      'unknown option limits.SendPeerMessage.perSec',
    );
  });

  it('turns a burst and fractional rates into windows', () => {
    const l = (perSecond: number, burst = perSecond) => ({
      perSecond,
      burst,
      scope: 'app' as const,
      unit: 'request' as const,
      dailyQuota: undefined,
    });
    expect(windowsOf(l(20))).toEqual([{ capacity: 20, ms: 1000 }]);
    expect(windowsOf(l(20, 5))).toEqual([
      { capacity: 20, ms: 1000 },
      { capacity: 5, ms: 250 },
    ]);
    expect(windowsOf(l(0.5))).toEqual([{ capacity: 1, ms: 2000 }]);
  });
});
