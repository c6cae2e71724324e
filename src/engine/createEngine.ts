import { clusterLimiterFactory } from '../cluster/clusterLimiterFactory.js';
import { RedisCoordinator } from '../cluster/RedisCoordinator.js';
import type { CallState, SendAttempt, ZimCall } from '../core/Call.js';
import { compose } from '../core/compose.js';
import { linkSignals } from '../core/linkSignals.js';
import type { Outcome } from '../core/Outcome.js';
import { ZimClosedError } from '../errors/ZimClosedError.js';
import { EventSink } from '../events/EventSink.js';
import { classifyInterceptor } from '../interceptors/classifyInterceptor.js';
import { reasonOf } from '../interceptors/reasonOf.js';
import { retryInterceptor } from '../interceptors/retryInterceptor.js';
import { signInterceptor } from '../interceptors/signInterceptor.js';
import { throttleInterceptor } from '../interceptors/throttleInterceptor.js';
import { type LimiterFactory, LimiterRegistry, localLimiterFactory } from '../limits/LimiterRegistry.js';
import { scopeKeyOf } from '../limits/scopeKeyOf.js';
import { weightOf } from '../limits/weightOf.js';
import { isIdempotentByDefault } from '../options/isIdempotentByDefault.js';
import type { ResolvedOptions } from '../options/resolveOptions.js';
import type { DefaultInterceptors } from '../options/ZimResilienceOptions.js';
import { RetryBudget } from '../retry/RetryBudget.js';
import type { EngineContext } from './EngineContext.js';
import { sendAttempt } from './sendInterceptor.js';

/** What a door knows about one call before it enters the chain. */
export interface CallInit {
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>> | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly idempotent?: boolean | undefined;
  readonly send: SendAttempt;
}

/** The chain and the state behind every door: one implementation of every remedy. */
export interface Engine {
  readonly context: EngineContext;
  /** Runs a call through the chain to its final outcome. Rejects only for aborts, close, quota and bad input. */
  run(init: CallInit): Promise<{ outcome: Outcome; call: ZimCall }>;
  /** Rejects every queued or waiting call with `ZimClosedError`, aborts attempts in flight, frees every timer. */
  close(): Promise<void>;
  readonly closed: boolean;
}

/** Limiters in process, or shared through Redis when the `redis` option is set. */
function limitersFor(
  options: ResolvedOptions,
  events: EventSink,
): { factory: LimiterFactory; coordinator?: RedisCoordinator } {
  if (!options.redis) return { factory: localLimiterFactory(options.clock) };
  if (options.appId === undefined)
    throw new TypeError('expected appId with redis: shared limits are keyed by AppId');
  const coordinator = new RedisCoordinator(options.redis, options.appId, events);
  const { attemptTimeoutMs } = options.retry;
  const holdLimitMs = Number.isFinite(attemptTimeoutMs) ? attemptTimeoutMs + 10_000 : 10 * 60_000;
  return { factory: clusterLimiterFactory(coordinator, options.clock, holdLimitMs), coordinator };
}

/** Builds the engine of one client (or fetch wrapper, or undici interceptor). */
export function createEngine(options: ResolvedOptions): Engine {
  const events = new EventSink(options.hooks);
  const { factory, coordinator } = limitersFor(options, events);
  const context: EngineContext = {
    options,
    limiters: new LimiterRegistry(factory),
    quotas: new Map(),
    clockOffset: { ms: 0 },
    appPause: { until: 0 },
    budget: options.retry.budget
      ? new RetryBudget(options.retry.budget.maxTokens, options.retry.budget.tokenRatio)
      : undefined,
    events,
  };
  const defaults: DefaultInterceptors = {
    retry: retryInterceptor(context),
    throttle: throttleInterceptor(context),
    sign: signInterceptor(context),
    classify: classifyInterceptor(context),
  };
  const chain = options.interceptors
    ? options.interceptors(defaults)
    : [defaults.retry, defaults.throttle, defaults.sign, defaults.classify];
  if (!Array.isArray(chain))
    throw new TypeError(`expected interceptors() to return an array, got ${typeof chain}`);
  const handler = compose(...chain)(sendAttempt(context));
  const active = new Set<AbortController>(); // one per call in the chain, aborted by close()
  let closedBy: ZimClosedError | undefined;
  const { clock } = options;

  return {
    context,
    get closed() {
      return closedBy !== undefined;
    },
    async run(init) {
      if (closedBy) throw new ZimClosedError(init.action);
      const own = new AbortController();
      active.add(own);
      const linked = linkSignals(init.signal, own.signal);
      const state: CallState = { attempts: 0, resigns: 0, requeues: 0, startedAt: clock.now() };
      const call: ZimCall = {
        action: init.action,
        scopeKey: scopeKeyOf(init.params),
        weight: weightOf(options.limits.get(init.action)?.unit, init.params),
        idempotent: init.idempotent ?? options.idempotent[init.action] ?? isIdempotentByDefault(init.action),
        signal: linked.signal,
        state,
        send: init.send,
      };
      try {
        const outcome = await handler(call);
        const reason = outcome.category === 'success' ? undefined : reasonOf(outcome);
        const { events } = context;
        if (events.wants('settled')) {
          const durationMs = clock.now() - state.startedAt;
          events.emit('settled', {
            action: call.action,
            attempts: state.attempts,
            category: outcome.category,
            reason,
            durationMs,
          });
        }
        if (reason !== undefined && events.wants('giveUp')) {
          events.emit('giveUp', {
            action: call.action,
            attempts: state.attempts,
            category: outcome.category,
            reason,
          });
        }
        return { outcome, call };
      } catch (error) {
        if (closedBy && error === closedBy) throw new ZimClosedError(call.action);
        throw error;
      } finally {
        active.delete(own);
        linked.dispose();
      }
    },
    async close() {
      if (closedBy) return;
      const reason = new ZimClosedError();
      closedBy = reason;
      for (const controller of active) controller.abort(reason);
      await context.limiters.close(reason);
      await coordinator?.close();
    },
  };
}
