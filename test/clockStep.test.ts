// The wall clock stepped mid-run (an NTP correction): waits, windows and deadlines run on the
// monotonic clock, so every call still ends on time, and a step forward releases nothing early.
// Only `Date` is faked (timers run for real); the mock server counts on a clock no step moves.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createZimClient, ZimQuotaError } from '../src/index.js';
import { startMockZimServer } from '../src/mock/index.js';

/** Real epoch time that `vi.setSystemTime` does not move. */
const trueNow = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

afterEach(() => {
  vi.useRealTimers();
});

async function stepMidRun(stepMs: number, calls: number) {
  const server = await startMockZimServer({ now: trueNow });
  const client = createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
  });
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  try {
    const started = performance.now();
    let resolved = 0;
    const all = Promise.all(
      Array.from({ length: calls }, (_, i) =>
        client.call('UserRegister', { UserInfo: [{ UserId: `c${i}`, UserName: 'C' }] }).then(() => {
          resolved++;
        }),
      ),
    );
    await sleep(1000);
    vi.setSystemTime(Date.now() + stepMs);
    // 20/s: calls / 20 seconds; anything near the step's size is the bug
    await Promise.race([all, sleep(10_000)]);
    const elapsedMs = performance.now() - started;
    const s = server.stats().UserRegister;
    return { resolved, elapsedMs, stats: s };
  } finally {
    vi.useRealTimers();
    await client.close();
    await server.close();
  }
}

describe('a wall-clock step', () => {
  for (const [label, stepMs] of [
    ['back 120 s', -120_000],
    ['back 1 h', -3_600_000],
    ['forward 1 h', 3_600_000],
  ] as const) {
    it(`${label} mid-run: all 60 calls resolve on time, never over 20 in a sliding second`, async () => {
      const { resolved, elapsedMs, stats: s } = await stepMidRun(stepMs, 60);
      console.log(
        `wall clock ${label} at 1 s: ${resolved} of 60 resolved in ${(elapsedMs / 1000).toFixed(1)} s, max ${s.maxInAnySecond} in a sliding second, ${s.rejected} refused`,
      );
      expect(resolved).toBe(60);
      expect(elapsedMs).toBeLessThan(8000); // 3 s of work at 20/s
      expect(s.maxInAnySecond).toBeLessThanOrEqual(20);
      expect(s.rejected).toBe(0);
    }, 30_000);
  }

  it('forward 25 h: a daily quota spent before the step stays spent', async () => {
    const server = await startMockZimServer({ now: trueNow, users: ['admin'] });
    const client = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      limits: { SendMessageToAllUsers: { dailyQuota: 2 } },
    });
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    const send = () =>
      client.call('SendMessageToAllUsers', {
        FromUserId: 'admin',
        MessageType: 1,
        MessageBody: { Message: 'hello' },
      });
    try {
      await send();
      await send();
      vi.setSystemTime(Date.now() + 25 * 3_600_000);
      const third = await send().catch((e: unknown) => e);
      console.log(
        `quota of 2, wall clock forward 25 h: the third call ${third instanceof ZimQuotaError ? 'refused by the client' : 'was sent'}`,
      );
      expect(third instanceof ZimQuotaError).toBe(true);
      expect(server.stats().SendMessageToAllUsers.arrivals).toBe(2);
    } finally {
      vi.useRealTimers();
      await client.close();
      await server.close();
    }
  }, 30_000);
});
