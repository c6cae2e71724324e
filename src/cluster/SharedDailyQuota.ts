import type { Clock } from '../core/Clock.js';
import { DAY_MS, DailyQuota } from '../limits/DailyQuota.js';
import type { Quota, QuotaTake } from '../limits/Quota.js';
import { QUOTA_GIVE_BACK, QUOTA_RECORD, QUOTA_SPENT, QUOTA_TAKE } from './quotaScripts.js';
import type { RedisCoordinator } from './RedisCoordinator.js';

const never = new AbortController().signal;

/** Calls recorded in one round trip when they are written back. */
const RECORD_BATCH = 500;

/**
 * A daily quota shared by every process of the AppId through Redis (a key per action, a rolling
 * day of calls in it), so it also survives a restart. While Redis cannot be reached, a process
 * keeps to its share of the quota alone, counting what it took through Redis in the last day too.
 * Every call it took in the last day (alone or through Redis) is remembered, and written back
 * at each return to Redis, before the client counts as back: a Redis that restarted empty, or a
 * promoted replica that missed some, then counts the day's calls of the fleet again.
 */
export class SharedDailyQuota implements Quota {
  readonly limit: number;
  readonly #key: string;
  readonly #coordinator: RedisCoordinator;
  readonly #clock: Clock;
  #local: DailyQuota | undefined;
  #lastToken = 0;
  /** The calls taken in the last day and not given back: token, and when (this clock). */
  readonly #taken = new Map<string, number>();

  constructor(action: string, limit: number, coordinator: RedisCoordinator, clock: Clock) {
    this.limit = limit;
    this.#key = coordinator.idFor(`quota:${action}`);
    this.#coordinator = coordinator;
    this.#clock = clock;
    coordinator.onRejoin(() => this.#writeBack());
  }

  async take(): Promise<QuotaTake> {
    const c = this.#coordinator;
    if (!c.decided) await c.whenDecided(never);
    if (c.fatal) throw c.fatal.error;
    const redis = c.redis;
    const token = `${c.id}:q:${++this.#lastToken}`;
    if (c.healthy && redis) {
      try {
        const [taken, retryAfterMs] = (await redis.run(
          QUOTA_TAKE,
          [this.#key],
          [this.limit, DAY_MS, token],
        )) as [number, number];
        if (taken !== 1) return { retryAfterMs };
        const local = this.#localQuota().take(); // counted alone too, should Redis go away
        this.#remember(token);
        return {
          ticket: {
            giveBack: () => {
              this.#taken.delete(token);
              if ('ticket' in local) local.ticket.giveBack();
              redis.run(QUOTA_GIVE_BACK, [this.#key], [token]).catch(() => {});
            },
          },
        };
      } catch (error) {
        c.reportFailure(error);
      }
    }
    const local = this.#localQuota().take();
    if (!('ticket' in local)) return local;
    this.#remember(token);
    return {
      ticket: {
        giveBack: () => {
          this.#taken.delete(token);
          local.ticket.giveBack();
        },
      },
    };
  }

  #remember(token: string): void {
    const now = this.#clock.now();
    this.#taken.set(token, now);
    for (const [old, at] of this.#taken) {
      if (at > now - DAY_MS) break; // in the order taken: the rest are newer
      this.#taken.delete(old);
    }
  }

  /** Records in Redis every call of the last day (see the class), in batches. */
  async #writeBack(): Promise<void> {
    const redis = this.#coordinator.redis;
    if (!redis || this.#taken.size === 0) return;
    const now = this.#clock.now();
    const calls = [...this.#taken].filter(([, at]) => at > now - DAY_MS);
    for (let i = 0; i < calls.length; i += RECORD_BATCH) {
      const args = calls
        .slice(i, i + RECORD_BATCH)
        .flatMap(([token, at]) => [token, Math.max(0, Math.round(now - at))]);
      await redis.run(QUOTA_RECORD, [this.#key], [DAY_MS, ...args]);
    }
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
