// Redis Sentinel failover under a fleet (issue 29): real `redis-server CONF --sentinel` processes
// (a master, a replica, three sentinels), two real worker processes sharing UserRegister's 20/s
// through each client kind's Sentinel client, the mock server counting arrivals in exact sliding
// windows. A crash (SIGKILL) and a graceful SENTINEL FAILOVER; a fresh set per run.
import { afterEach, describe, expect, it } from 'vitest';
import { sentinelFailover } from './helpers/fleetScenarios.js';
import { CLIENT_KINDS } from './helpers/redisClients.js';
import { SentinelSet } from './helpers/redisSentinel.js';
import { hasRedis } from './helpers/redisServer.js';

describe.skipIf(!hasRedis).each(CLIENT_KINDS)('Sentinel failover through $name', (kind) => {
  let set: SentinelSet | undefined;
  afterEach(async () => {
    await set?.stop();
    set = undefined;
  });

  // Graceful: the old master is demoted about 11 s after the promotion (when a sentinel next
  // looks at it), so that run lasts 20 s, past it.
  for (const [how, calls] of [
    ['kill', 120],
    ['graceful', 200],
  ] as const) {
    it(`${how}: 0 refused, nothing lost or twice, <= 20 in any second, no gap over switch-master + 2.5 s, >= 16/s after`, async () => {
      set = await SentinelSet.start();
      const run = await sentinelFailover(set, kind.name, how, calls);
      const s = run.stats;
      console.log(run.trace);
      console.log(
        `Sentinel ${how} (${kind.name}): ${s.rejected} refused, ${s.accepted} accepted, max ${s.maxInAnySecond} in any second, longest gap ${run.longestGap} ms (switch-master ${run.switchedAt === undefined ? 'never' : `${run.switchedAt - run.failedAt} ms after`}), ${run.tailRate.toFixed(2)}/s from 2.5 s after it`,
      );
      for (const w of run.workers) expect(w.failed).toEqual([]);
      expect(run.switchedAt).toBeDefined();
      expect(s.rejected).toBe(0);
      expect(s.accepted).toBe(2 * calls);
      expect(s.arrivals).toBe(2 * calls);
      expect(s.maxInAnySecond).toBeLessThanOrEqual(20);
      expect(run.longestGap).toBeLessThanOrEqual(run.switchedAt! - run.failedAt + 2500);
      expect(run.tailRate).toBeGreaterThanOrEqual(16);
    }, 90_000);
  }
});
