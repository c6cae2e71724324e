import type { Clock } from '../core/Clock.js';
import { DailyQuota } from './DailyQuota.js';
import type { AdaptReason, Limiter, OnAdapt } from './Limiter.js';
import type { ResolvedLimit } from './LimitSpec.js';
import type { Quota } from './Quota.js';
import { SlidingWindowLimiter } from './SlidingWindowLimiter.js';
import { windowsOf } from './windowsOf.js';

/** Makes the limiter of one key. Replaceable (Redis-backed limiters plug in here). */
export type LimiterFactory = (
  key: string,
  limit: ResolvedLimit,
  onIdle: () => void,
  onAdapt?: OnAdapt,
) => Limiter;

/** Told when the learned rate of a limiter (action, and group or room) changes, in calls per second. */
export type AdaptListener = (
  action: string,
  scopeKey: string | undefined,
  perSecond: number,
  why: AdaptReason,
) => void;

/** Makes the daily quota of one action. Replaceable (a quota shared through Redis plugs in here). */
export type QuotaFactory = (action: string, limit: number) => Quota;

/** The in-process quota factory. */
export function localQuotaFactory(clock: Clock): QuotaFactory {
  return (_action, limit) => new DailyQuota(limit, clock);
}

/** The in-process factory: exact sliding windows, no timer hop on a free slot. */
export function localLimiterFactory(clock: Clock): LimiterFactory {
  return (_key, limit, onIdle, onAdapt) => new SlidingWindowLimiter(windowsOf(limit), clock, onIdle, onAdapt);
}

/**
 * The limiters of one client, keyed by action and, for group- and room-scoped actions, by
 * GroupId / RoomId. A scoped limiter is dropped once idle, so 10,000 groups cost nothing later.
 */
export class LimiterRegistry {
  readonly #limiters = new Map<string, Limiter>();
  readonly #factory: LimiterFactory;
  readonly #quotas = new Map<string, Quota>();
  readonly #quotaFactory: QuotaFactory;
  readonly #onAdapt: AdaptListener | undefined;
  #closed: { reason: unknown } | undefined;

  constructor(factory: LimiterFactory, quotaFactory: QuotaFactory, onAdapt?: AdaptListener) {
    this.#factory = factory;
    this.#quotaFactory = quotaFactory;
    this.#onAdapt = onAdapt;
  }

  /** The daily quota of `action`, if its limit has one. */
  quota(action: string, limit: ResolvedLimit): Quota | undefined {
    if (limit.dailyQuota === undefined) return undefined;
    let quota = this.#quotas.get(action);
    if (!quota) {
      quota = this.#quotaFactory(action, limit.dailyQuota);
      this.#quotas.set(action, quota);
    }
    return quota;
  }

  /** Limiters alive now. */
  get size(): number {
    return this.#limiters.size;
  }

  get(action: string, scopeKey: string | undefined, limit: ResolvedLimit): Limiter {
    const key = scopeKey === undefined ? action : `${action}:${scopeKey}`;
    let limiter = this.#limiters.get(key);
    if (!limiter) {
      const onIdle =
        scopeKey === undefined
          ? () => {}
          : () => {
              if (this.#limiters.get(key) !== created) return;
              this.#limiters.delete(key);
              void created.close(new Error('idle'));
            };
      const listener = this.#onAdapt;
      const windowMs = windowsOf(limit)[0]!.ms;
      const onAdapt: OnAdapt | undefined = listener
        ? (perWindow, why) => listener(action, scopeKey, (perWindow * 1000) / windowMs, why)
        : undefined;
      const created = this.#factory(key, limit, onIdle, onAdapt);
      limiter = created;
      if (this.#closed) void limiter.close(this.#closed.reason);
      else this.#limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Pauses every limiter (the app-wide limit, code 7, was hit). */
  pauseAll(ms: number): void {
    for (const limiter of this.#limiters.values()) limiter.pause(ms);
  }

  /** Closes every limiter; resolves once shared ones have given their slots back. */
  async close(reason: unknown): Promise<void> {
    this.#closed = { reason };
    const closing = [...this.#limiters.values()].map((limiter) => limiter.close(reason));
    this.#limiters.clear();
    await Promise.all(closing);
  }
}
