// A throttle that learns the real rate, end to end against the mock server (counted there): the
// server allows 10/s while the client is told 20/s, and the rate comes back once the other caller
// of the same limit stops.
import { describe, expect, it } from 'vitest';
import { createZimClient } from '../src/index.js';
import { startMockZimServer } from '../src/mock/index.js';

describe('the learned rate (real mock server, real time)', () => {
  it('server at 10/s, client told 20/s: 300 calls, none lost or twice, <= 20 refusals, one per 5 s at most after 5 s', async () => {
    const server = await startMockZimServer({ limits: { UserRegister: { perSecond: 10 } } });
    const refusedAt: number[] = [];
    const adapted: string[] = [];
    const zim = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      hooks: {
        rateLimited: () => refusedAt.push(Date.now()), // the mock's clock is Date.now()
        limitAdapted: (e) => adapted.push(`${e.perSecond}:${e.why}`),
      },
    });
    const t0 = Date.now();
    const calls = Array.from({ length: 300 }, (_, i) =>
      zim.call('UserRegister', { UserInfo: [{ UserId: `a${i}`, UserName: 'N' }] }),
    );
    await Promise.all(calls);
    const tookMs = Date.now() - t0;
    await zim.close();
    const stats = server.stats().UserRegister;
    await server.close();
    const late = refusedAt.map((t) => t - t0).filter((t) => t >= 5000);
    const worst5s = Math.max(0, ...late.map((t) => late.filter((u) => u >= t && u < t + 5000).length));
    console.log(
      `300 calls at 10/s told 20/s: ${tookMs} ms, ${stats.rejected} refusals (${late.length} after 5 s, at most ${worst5s} in 5 s), rates ${adapted.join(' ')}`,
    );
    expect(server.state.users.size).toBe(300); // none lost
    expect(stats.accepted).toBe(300); // none twice (a second UserRegister of one user is a Code 0 too)
    expect(stats.rejected).toBeLessThanOrEqual(20); // 35 before
    expect(worst5s).toBeLessThanOrEqual(1); // 17 after the first 5 s before
    expect(stats.maxInAnySecond).toBeLessThanOrEqual(10);
    expect(tookMs).toBeLessThanOrEqual(1.15 * 30_000);
  }, 60_000);

  it('when the other caller stops, the rate is back to >= 95% of the limit within 10 s', async () => {
    const server = await startMockZimServer(); // UserRegister: 20/s
    const base = { appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url };
    const ours = createZimClient(base);
    // another system of the same app, at 10/s of the server's 20
    const other = createZimClient({ ...base, limits: { UserRegister: { perSecond: 10 } } });
    const theirs = Array.from({ length: 80 }, (_, i) =>
      other.call('UserRegister', { UserInfo: [{ UserId: `t${i}`, UserName: 'N' }] }),
    );
    const mine = Array.from({ length: 500 }, (_, i) =>
      ours.call('UserRegister', { UserInfo: [{ UserId: `m${i}`, UserName: 'N' }] }).catch(() => {}),
    );
    await Promise.all(theirs);
    const stoppedAt = Date.now(); // from here every arrival is ours
    await other.close();
    await new Promise((r) => setTimeout(r, 10_000));
    const t = server.stats().UserRegister.timestamps;
    const lastSecond = t.filter((x) => x >= stoppedAt + 9000 && x < stoppedAt + 10_000).length;
    console.log(`arrivals in the 10th second after the other caller stopped: ${lastSecond}`);
    expect(lastSecond).toBeGreaterThanOrEqual(19); // before: the 1/5-down, 1/10-up steps; now learned and probed back
    await ours.close();
    await Promise.all(mine);
    const { maxInAnySecond, rejected } = server.stats().UserRegister;
    console.log(`refusals while sharing the limit and after: ${rejected}`);
    expect(maxInAnySecond).toBeLessThanOrEqual(20);
    expect(rejected).toBeLessThanOrEqual(20); // learned while the other caller spent half of it
    await server.close();
  }, 60_000);
});
