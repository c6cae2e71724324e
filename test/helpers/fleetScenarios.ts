// The multi-process scenarios of issue 10, shared by test/redisFleet.test.ts (which asserts on
// them) and scripts/soakRedis.ts (which runs them in a loop on a loaded machine).
import { type ClusterEvent, createZimClient } from '../../src/index.js';
import { type MockActionStats, startMockZimServer } from '../../src/mock/index.js';
import { achievedRate, steadyRateFrom } from './mockRate.js';
import { MASTER_NAME, type SentinelSet } from './redisSentinel.js';
import { RedisServer } from './redisServer.js';
import { runFleet, type WorkerResult } from './runWorker.js';
import { sleep } from './waitFor.js';

/** What the server saw of UserRegister, and what the workers said. */
export interface FleetRun {
  readonly stats: MockActionStats;
  readonly workers: WorkerResult[];
  /** Calls per second the server saw (see each scenario). */
  readonly rate: number;
}

/**
 * `n` processes started together, `calls` UserRegister each at once; rate = achievedRate.
 * `kind`: the client kind each process passes (test/helpers/redisClients.ts); else the URL.
 */
export async function fleetBurst(
  redis: RedisServer,
  n: number,
  calls: number,
  kind?: string,
): Promise<FleetRun> {
  const server = await startMockZimServer();
  try {
    const workers = await Promise.all(
      await runFleet(n, {
        MOCK_URL: server.url,
        APP_ID: String(server.appId),
        SECRET: server.serverSecret,
        REDIS_URL: redis.url,
        ...(kind ? { REDIS_CLIENT: kind } : {}),
        CALLS: String(calls),
      }),
    );
    const stats = server.stats().UserRegister;
    return { stats, workers, rate: achievedRate(stats, 20) };
  } finally {
    await server.close();
  }
}

/**
 * 2 processes x `calls`; Redis SIGKILLed at 2 s and restarted empty at 4 s; rate = the steady
 * rate (`steadyRateFrom`) from 2 s after Redis is back. `trace` says when what happened.
 */
export async function fleetFailover(
  redis: RedisServer,
  calls = 100,
  kind?: string,
): Promise<FleetRun & { trace: string; back: number }> {
  const server = await startMockZimServer();
  try {
    const results = await runFleet(2, {
      MOCK_URL: server.url,
      APP_ID: String(server.appId),
      SECRET: server.serverSecret,
      REDIS_URL: redis.url,
      ...(kind ? { REDIS_CLIENT: kind } : {}),
      CALLS: String(calls),
    });
    const started = Date.now();
    await sleep(2000);
    await redis.stop();
    const killed = Date.now();
    await sleep(4000 - (Date.now() - started));
    await redis.start();
    const back = Date.now();
    const workers = await Promise.all(results);
    const stats = server.stats().UserRegister;
    const at = (t: number) => `${t - started} ms`;
    const trace = `killed at ${at(killed)}, back at ${at(back)}; ${workers
      .map(
        (w) =>
          `${w.states.map((x) => x.replace(/@(\d+)/, (_, t) => `@${at(Number(t))}`)).join(' ')}; refused at ${w.limited.map(at).join(' ')}`,
      )
      .join(' | ')}`;
    return { stats, workers, rate: steadyRateFrom(stats, back + 2000), trace, back };
  } finally {
    await server.close();
    await redis.start();
  }
}

/**
 * One process, `calls` queued at once while Redis is down; Redis starts after 3 s; rate = the
 * steady rate (`steadyRateFrom`) from 2 s after it came up.
 */
export async function lateRedis(
  calls = 120,
): Promise<{ stats: MockActionStats; events: ClusterEvent[]; rate: number; up: number }> {
  const server = await startMockZimServer();
  const late = await RedisServer.reserve();
  const events: ClusterEvent[] = [];
  const client = createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    redis: late.url,
    hooks: { cluster: (e) => events.push(e) },
  });
  try {
    const pending = Array.from({ length: calls }, (_, i) =>
      client.call('UserRegister', { UserInfo: [{ UserId: `d${i}`, UserName: 'D' }] }),
    );
    await sleep(3000);
    await late.start();
    const up = Date.now();
    await Promise.all(pending);
    const stats = server.stats().UserRegister;
    return { stats, events, rate: steadyRateFrom(stats, up + 2000), up };
  } finally {
    await client.close();
    await server.close();
    await late.stop();
  }
}

/** What a Sentinel failover under a fleet did, counted at the server. */
export interface SentinelRun extends FleetRun {
  /** When the failover began (the kill, or SENTINEL FAILOVER), and `+switch-master`, in ms from the start. */
  readonly failedAt: number;
  readonly switchedAt: number | undefined;
  /** The longest time without an arrival, from the first arrival to the last. */
  readonly longestGap: number;
  /** The rate (`steadyRateFrom`) from 2.5 s after `+switch-master`. */
  readonly tailRate: number;
  readonly trace: string;
}

/**
 * 2 processes x `calls` through a Sentinel set (`kind`'s Sentinel client); at 2 s the master is
 * SIGKILLed (`kill`) or `SENTINEL FAILOVER` is asked (`graceful`).
 */
export async function sentinelFailover(
  set: SentinelSet,
  kind: string,
  how: 'kill' | 'graceful',
  calls = 120,
): Promise<SentinelRun> {
  const server = await startMockZimServer();
  try {
    const results = await runFleet(2, {
      MOCK_URL: server.url,
      APP_ID: String(server.appId),
      SECRET: server.serverSecret,
      REDIS_CLIENT: kind,
      REDIS_SENTINELS: set.sentinelPorts.join(','),
      REDIS_MASTER_NAME: MASTER_NAME,
      CALLS: String(calls),
    });
    const started = Date.now();
    await sleep(2000);
    const failedAt = Date.now();
    if (how === 'kill') await set.killMaster();
    else await set.failover();
    const workers = await Promise.all(results);
    const stats = server.stats().UserRegister;
    const switched = set.switchedAt.find((t) => t >= failedAt);
    const t = stats.timestamps;
    const longestGap = Math.max(...t.map((x, i) => (i === 0 ? 0 : x - t[i - 1]!)));
    const at = (x: number) => `${x - started} ms`;
    const trace = `${how} at ${at(failedAt)}, +switch-master at ${switched ? at(switched) : 'never'}; ${workers
      .map(
        (w) =>
          `${w.states.map((x) => x.replace(/@(\d+)/, (_, v) => `@${at(Number(v))}`)).join(' ')}; refused at ${w.limited.map(at).join(' ')}`,
      )
      .join(' | ')}`;
    return {
      stats,
      workers,
      rate: achievedRate(stats, 20),
      failedAt: failedAt - started,
      switchedAt: switched === undefined ? undefined : switched - started,
      longestGap,
      tailRate: steadyRateFrom(stats, (switched ?? failedAt) + 2500),
      trace,
    };
  } finally {
    await server.close();
  }
}
