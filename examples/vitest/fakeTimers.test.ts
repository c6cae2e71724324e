import { afterEach, expect, it, vi } from 'vitest';
import { resilientFetch } from 'zim-resilience';

// The default clock reads Date.now and setTimeout when it needs them, so vi.useFakeTimers()
// applies to every backoff and throttle wait. (Or pass your own `clock` option.)
afterEach(() => {
  vi.useRealTimers();
});

/** A stand-in for fetch: answers each call with the next code, and notes the (fake) time. */
function fakeFetch(codes: number[]) {
  const times: number[] = [];
  const stub: typeof fetch = async () => {
    times.push(Date.now());
    return Response.json({ Code: codes.shift() ?? 0 });
  };
  return { stub, times };
}

it('backs off on fake time', async () => {
  vi.useFakeTimers({ now: 0 });
  const { stub, times } = fakeFetch([1, 1]); // busy twice, then success
  const zimFetch = resilientFetch(stub, { retry: { minDelayMs: 1000 }, random: () => 0.5 });
  const pending = zimFetch('https://zim-api.zego.im/?Action=QueryUserInfos');
  await vi.advanceTimersByTimeAsync(10_000);
  expect(((await (await pending).json()) as { Code: number }).Code).toBe(0);
  expect(times).toEqual([0, 500, 1500]); // full jitter, random 0.5: half of 1000 ms, then half of 2000 ms
  await zimFetch.close();
});

it('waits for the 1/s limit of QueryAppGroupList on fake time', async () => {
  vi.useFakeTimers({ now: 0 });
  const { stub, times } = fakeFetch([]);
  const zimFetch = resilientFetch(stub);
  const calls = [1, 2, 3].map(() => zimFetch('https://zim-api.zego.im/?Action=QueryAppGroupList'));
  await vi.advanceTimersByTimeAsync(5_000);
  await Promise.all(calls);
  const [first = 0, second = 0, third = 0] = times; // one call per second, in fake time only
  expect(second - first).toBeGreaterThanOrEqual(1000);
  expect(third - second).toBeGreaterThanOrEqual(1000);
  expect(third).toBeLessThan(2100);
  await zimFetch.close();
});
