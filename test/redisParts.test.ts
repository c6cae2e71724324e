// The small parts of the Redis-shared limiter that need no Redis: its queue of waiters and the
// slots it granted. Fake timers: they only need time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GrantedSlots } from '../src/cluster/GrantedSlots.js';
import { WaitQueue } from '../src/cluster/WaitQueue.js';
import { systemClock } from '../src/core/Clock.js';
import { SlidingWindowLimiter } from '../src/limits/SlidingWindowLimiter.js';

const permit = { release: () => {} };

describe('WaitQueue', () => {
  it('serves in order, priority waits first; an abort rejects with its reason and leaves the queue', async () => {
    let aborts = 0;
    const queue = new WaitQueue(() => aborts++);
    const controller = new AbortController();
    const a = queue.add(1, undefined, false);
    const b = queue.add(2, controller.signal, false);
    const c = queue.add(3, undefined, true);
    expect(queue.size).toBe(3);
    expect(queue.firstN(5).map((w) => w.weight)).toEqual([3, 1, 2]);
    controller.abort(new Error('gone'));
    await expect(b).rejects.toThrow('gone');
    expect(aborts).toBe(1);
    expect(queue.firstN(5).map((w) => w.weight)).toEqual([3, 1]);
    expect(queue.first()!.resolve(permit)).toBe(true);
    await expect(c).resolves.toBe(permit);
    const head = queue.first()!;
    expect(head.weight).toBe(1);
    queue.rejectAll(new Error('closed'));
    await expect(a).rejects.toThrow('closed');
    expect(head.resolve(permit)).toBe(false); // settled once only
    expect(queue.size).toBe(0);
    expect(queue.first()).toBeUndefined();
  });

  it('removes its abort listener once settled', async () => {
    const queue = new WaitQueue(() => {});
    const controller = new AbortController();
    const spy = vi.spyOn(controller.signal, 'removeEventListener');
    const wait = queue.add(1, controller.signal, false);
    queue.first()!.resolve(permit);
    await wait;
    expect(spy).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});

describe('GrantedSlots', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds a slot until one window after its release, and counts it in a new local limiter', async () => {
    let freed = 0;
    const slots = new GrantedSlots(systemClock, [{ capacity: 2, ms: 1000 }], 30_000, () => freed++);
    const p = slots.grant(1, 't:1', undefined);
    expect(slots.any).toBe(true);
    const local = new SlidingWindowLimiter([{ capacity: 2, ms: 1000 }], systemClock);
    slots.countIn(local);
    expect(local.held).toBe(1);
    p.release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(slots.any).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(slots.any).toBe(false);
    expect(freed).toBe(1);
  });

  it('close() waits for slots in flight at most its grace, and leaves no timer behind', async () => {
    const slots = new GrantedSlots(systemClock, [{ capacity: 2, ms: 1000 }], 30_000, () => {});
    const inFlight = slots.grant(1, 't:1', undefined);
    slots.grant(1, 't:2', undefined).release();
    let closed = false;
    void slots.close(500).then(() => {
      closed = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(closed).toBe(true);
    inFlight.release();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('close() ends as soon as the last slot in flight is released', async () => {
    const slots = new GrantedSlots(systemClock, [{ capacity: 2, ms: 1000 }], 30_000, () => {});
    const inFlight = slots.grant(1, 't:1', undefined);
    let closed = false;
    void slots.close(1000).then(() => {
      closed = true;
    });
    await vi.advanceTimersByTimeAsync(10);
    inFlight.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
