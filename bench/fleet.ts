import { fleetBurst } from '../test/helpers/fleetScenarios.js';
import { hasRedis, RedisServer } from '../test/helpers/redisServer.js';
import { type Figure, figure } from './Figure.js';

/** Settings of the fleet section. */
export interface FleetSettings {
  /** Fleet sizes: that many worker processes, started together. */
  readonly processes: readonly number[];
  /** UserRegister calls each process sends at once. */
  readonly calls: number;
  /** Rounds per size; the median round is reported, the spread in the detail. */
  readonly rounds: number;
}

const SECTION = '6. fleet (Redis)';
const LIMIT = 20;

/**
 * N real worker processes (test/fixtures/redisWorker.ts) share UserRegister's 20/s through one
 * real redis-server, each sending its batch at once as soon as it starts (before Redis has
 * answered): the achieved rate over the limit, and the server's rejections, per fleet size.
 */
export async function fleet(settings: FleetSettings): Promise<{ figures: Figure[]; raw: unknown }> {
  if (!hasRedis) {
    return {
      figures: [figure(SECTION, 'fleet', Number.NaN, 'x', undefined, 'skipped: redis-server not installed')],
      raw: { skipped: true },
    };
  }
  const redis = await RedisServer.start();
  const figures: Figure[] = [];
  const raw: Record<string, { rate: number; rejected: number; max: number }[]> = {};
  try {
    for (const n of settings.processes) {
      const rounds = [];
      for (let i = 0; i < settings.rounds; i++) {
        const run = await fleetBurst(redis, n, settings.calls);
        rounds.push({ rate: run.rate, rejected: run.stats.rejected, max: run.stats.maxInAnySecond });
      }
      raw[n] = rounds;
      const byRate = [...rounds].sort((a, b) => a.rate - b.rate);
      const median = byRate[Math.floor(byRate.length / 2)]!;
      const spread = `${byRate.map((r) => r.rate.toFixed(2)).join(', ')} /s over ${rounds.length} round(s); most in any sliding second ${Math.max(...rounds.map((r) => r.max))}`;
      figures.push(
        figure(
          SECTION,
          `${n} processes x ${settings.calls} UserRegister on one 20/s limit: achieved rate / limit`,
          median.rate / LIMIT,
          'x',
          { op: '>=', value: 0.9 },
          spread,
        ),
        figure(
          SECTION,
          `${n} processes x ${settings.calls}: server rejections (most over the rounds)`,
          Math.max(...rounds.map((r) => r.rejected)),
          'count',
          { op: '<=', value: 0 },
          `${rounds.map((r) => r.rejected).join(', ')}`,
        ),
      );
    }
  } finally {
    await redis.stop();
  }
  return { figures, raw };
}
