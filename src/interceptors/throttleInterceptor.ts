import type { ZimCall } from '../core/Call.js';
import type { Interceptor } from '../core/Interceptor.js';
import type { Outcome } from '../core/Outcome.js';
import { sleep } from '../core/sleep.js';
import type { EngineContext } from '../engine/EngineContext.js';
import { ZimError } from '../errors/ZimError.js';
import { ZimQuotaError } from '../errors/ZimQuotaError.js';
import { DailyQuota } from '../limits/DailyQuota.js';
import type { ResolvedLimit } from '../limits/LimitSpec.js';

const APP_WIDE_LIMIT = 7;
const WINDOW_MS = 1000;

/**
 * Keeps each action (per group or room, where scoped) under its limit: every attempt takes a
 * slot of its limiter first. A rate-limited answer pauses the limiter for the rest of the
 * server's window (every limiter, for the app-wide code 7), and the call goes out again ahead
 * of new ones, so the caller sees success. A daily quota fails fast once spent. Actions
 * without a limit never touch a limiter.
 */
export function throttleInterceptor(ctx: EngineContext): Interceptor {
  const { limits, clock, maxRequeues, retry } = ctx.options;

  const quotaOf = (action: string, limit: ResolvedLimit): DailyQuota | undefined => {
    if (limit.dailyQuota === undefined) return undefined;
    let quota = ctx.quotas.get(action);
    if (!quota) {
      quota = new DailyQuota(limit.dailyQuota, clock);
      ctx.quotas.set(action, quota);
    }
    return quota;
  };

  /** A slot of the call's limiter, after the quota allows it (checked before waiting, taken after). */
  const slotFor = async (
    call: ZimCall,
    limit: ResolvedLimit,
    scopeKey: string | undefined,
    priority: boolean,
  ) => {
    if (call.weight > limit.burst) {
      throw new ZimError(
        `${call.action} asks for ${call.weight} units but its limit is ${limit.burst} at once; split the call`,
        {
          action: call.action,
        },
      );
    }
    const quota = quotaOf(call.action, limit);
    const spent = (retryAfterMs: number) =>
      new ZimQuotaError({ action: call.action, quota: quota!.limit, retryAfterMs });
    const early = quota?.waitMs() ?? 0;
    if (early > 0) throw spent(early); // fail fast, before any wait
    const limiter = ctx.limiters.get(call.action, scopeKey, limit);
    let permit = priority ? undefined : limiter.tryAcquire(call.weight);
    if (!permit) {
      const started = clock.now();
      permit = await limiter.acquire(call.weight, { signal: call.signal, priority });
      ctx.events.emit('throttle', {
        action: call.action,
        scopeKey: call.scopeKey,
        waitedMs: clock.now() - started,
      });
    }
    const late = quota?.take() ?? 0;
    if (late > 0) {
      permit.release();
      throw spent(late);
    }
    return permit;
  };

  return (next) => async (call) => {
    const limit = limits.get(call.action);
    const scopeKey = limit?.scope === 'app' ? undefined : call.scopeKey;
    let priority = false;
    for (;;) {
      if (ctx.appPause.until > clock.now()) await sleep(ctx.appPause.until - clock.now(), clock, call.signal);
      const permit = limit ? await slotFor(call, limit, scopeKey, priority) : undefined;
      let outcome: Outcome;
      try {
        outcome = await next(call);
      } finally {
        permit?.release();
      }
      if (outcome.category !== 'rate-limited' || call.state.requeues >= maxRequeues) return outcome;
      call.state.requeues++;
      const pauseMs = Math.min(Math.max(outcome.retryAfterMs ?? 0, WINDOW_MS), retry.maxRetryAfterMs);
      if (outcome.code === APP_WIDE_LIMIT) {
        ctx.appPause.until = Math.max(ctx.appPause.until, clock.now() + pauseMs);
        ctx.limiters.pauseAll(pauseMs);
      } else if (limit) {
        ctx.limiters.get(call.action, scopeKey, limit).pause(pauseMs);
      }
      ctx.events.emit('rateLimited', {
        action: call.action,
        scopeKey: call.scopeKey,
        code: outcome.code,
        pauseMs,
        requeues: call.state.requeues,
      });
      if (!limit && outcome.code !== APP_WIDE_LIMIT) await sleep(pauseMs, clock, call.signal);
      priority = true;
    }
  };
}
