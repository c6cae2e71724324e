import type { Clock } from '../core/Clock.js';
import { DAY_MS, DailyQuota } from '../limits/DailyQuota.js';
import type { Quota, QuotaTake } from '../limits/Quota.js';
import { QUOTA_GIVE_BACK, QUOTA_SPENT, QUOTA_TAKE } from './quotaScripts.js';
import type { RedisCoordinator } from './RedisCoordinator.js';

const never = new AbortController().signal;

/**
 * A daily quota shared by every process of the AppId through Redis (a key per action, a rolling
 * day of calls in it), so it also survives a restart. While Redis cannot be reached, a process
 * keeps to its share of the quota alone, counting what it took through Redis in the last day too.
 */
export class SharedDailyQuota implements Quota {
  readonly limit: number;
  readonly #key: string;
  readonly #coordinator: RedisCoordinator;
  readonly #clock: Clock;
  #local: DailyQuota | undefined;
  #lastToken = 0;

  constructor(action: string, limit: number, coordinator: RedisCoordinator, clock: Clock) {
    this.limit = limit;
    this.#key = coordinator.idFor(`quota:${action}`);
    this.#coordinator = coordinator;
    this.#clock = clock;
  }

  async take(): Promise<QuotaTake> {
    const c = this.#coordinator;
    if (!c.decided) await c.whenDecided(never);
    if (c.fatal) throw c.fatal.error;
    const redis = c.redis;
    if (c.healthy && redis) {
      const token = `${c.id}:q:${++this.#lastToken}`;
      try {
        const [taken, retryAfterMs] = (await redis.run(
          QUOTA_TAKE,
          [this.#key],
          [this.limit, DAY_MS, token],
        )) as [number, number];
        if (taken !== 1) return { retryAfterMs };
        const local = this.#localQuota().take(); // counted alone too, should Redis go away
        return {
          ticket: {
            giveBack: () => {
              if ('ticket' in local) local.ticket.giveBack();
              redis.run(QUOTA_GIVE_BACK, [this.#key], [token]).catch(() => {});
            },
          },
        };
      } catch (error) {
        c.reportFailure(error);
      }
    }
    return this.#localQuota().take();
  }

  spent(ms: number): void {
    this.#localQuota().spent(ms);
    const c = this.#coordinator;
    const redis = c.redis;
    if (c.healthy && redis)
      redis
        .run(
          QUOTA_SPENT,
          [this.#key],
          [this.limit, DAY_MS, Math.ceil(ms), `${c.id}:spent:${++this.#lastToken}`],
        )
        .catch(() => {});
  }

  /** This process's share of the quota, for while Redis is away. */
  #localQuota(): DailyQuota {
    this.#local ??= new DailyQuota(
      Math.max(1, Math.floor(this.limit * this.#coordinator.share)),
      this.#clock,
    );
    return this.#local;
  }
}
