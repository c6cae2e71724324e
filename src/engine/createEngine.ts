import { setMaxListeners } from 'node:events';
import { clusterLimiterFactory } from '../cluster/clusterLimiterFactory.js';
import { RedisCoordinator } from '../cluster/RedisCoordinator.js';
import { SharedDailyQuota } from '../cluster/SharedDailyQuota.js';
import type { SendAttempt, ZimCall } from '../core/Call.js';
import { compose } from '../core/compose.js';
import { linkSignals } from '../core/linkSignals.js';
import type { Outcome } from '../core/Outcome.js';
import { onAbort } from '../core/onAbort.js';
import { ZimClosedError } from '../errors/ZimClosedError.js';
import { EventSink } from '../events/EventSink.js';
import { rejectedOf } from '../events/rejectedOf.js';
import { classifyInterceptor } from '../interceptors/classifyInterceptor.js';
import { reasonOf } from '../interceptors/reasonOf.js';
import { retryInterceptor } from '../interceptors/retryInterceptor.js';
import { signInterceptor } from '../interceptors/signInterceptor.js';
import { throttleInterceptor } from '../interceptors/throttleInterceptor.js';
import type { Permit, SlotWaiter } from '../limits/Limiter.js';
import {
  type LimiterFactory,
  LimiterRegistry,
  localLimiterFactory,
  localQuotaFactory,
  type QuotaFactory,
} from '../limits/LimiterRegistry.js';
import { scopeKeyOf } from '../limits/scopeKeyOf.js';
import { weightOf } from '../limits/weightOf.js';
import { isIdempotentByDefault } from '../options/isIdempotentByDefault.js';
import type { ResolvedOptions } from '../options/resolveOptions.js';
import type { DefaultInterceptors } from '../options/ZimResilienceOptions.js';
import { RetryBudget } from '../retry/RetryBudget.js';
import { createTelemetry } from '../telemetry/createTelemetry.js';
import type { EngineContext } from './EngineContext.js';
import { sendAttempt } from './sendInterceptor.js';

/** What a door knows about one call before it enters the chain. */
export interface CallInit {
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>> | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly idempotent?: boolean | undefined;
  readonly send: SendAttempt;
  /** The door bounds the whole attempt (headers and body) by the attempt timeout itself, so the engine sets no timer. */
  readonly appliesTimeout?: boolean;
  /**
   * The door's own controller of this call (instead of `signal`): its signal is the call's, and
   * `close()` aborts it (through its `abort`), so the engine links no signal of its own.
   */
  readonly controller?: { readonly signal: AbortSignal; abort(reason?: unknown): void };
  /** For events and telemetry: the HTTP method of every attempt. */
  readonly method?: string | undefined;
  /** For events and telemetry: the URL of every attempt without its signed parameters (read only when an event needs it). */
  readonly url?: string | undefined;
}

/** A call's final outcome, and the call as the chain left it. */
export interface RunResult {
  readonly outcome: Outcome;
  readonly call: ZimCall;
}

/** The chain and the state behind every door: one implementation of every remedy. */
export interface Engine {
  readonly context: EngineContext;
  /**
   * Runs a call through the chain to its final outcome. Rejects only for aborts, close, quota and
   * bad input. With `settle`, resolves with what it returns (or rejects with what it throws): a
   * door's own last step, without a promise more per call.
   */
  run(init: CallInit): Promise<RunResult>;
  run<T>(init: CallInit, settle: (result: RunResult) => T): Promise<T>;
  /** Rejects every queued or waiting call with `ZimClosedError`, aborts attempts in flight, frees every timer. */
  close(): Promise<void>;
  /**
   * Whether a call of `action` needs its parameters (`params`) at all: for a group- or room-scoped
   * limit, a per-message limit, or events that name the scope. A door that must parse them can skip it otherwise.
   */
  needsParams(action: string): boolean;
}

/** Limiters in process, or shared through Redis when the `redis` option is set. */
function limitersFor(
  options: ResolvedOptions,
  events: EventSink,
): { factory: LimiterFactory; quotas: QuotaFactory; coordinator?: RedisCoordinator } {
  const { clock } = options;
  if (!options.redis) return { factory: localLimiterFactory(clock), quotas: localQuotaFactory(clock) };
  if (options.appId === undefined)
    throw new TypeError('expected appId with redis: shared limits are keyed by AppId');
  const coordinator = new RedisCoordinator(options.redis, options.appId, events);
  const quotas: QuotaFactory = (action, limit) => new SharedDailyQuota(action, limit, coordinator, clock);
  return { factory: clusterLimiterFactory(coordinator, clock), quotas, coordinator };
}

/** Builds the engine of one client (or fetch wrapper, or undici interceptor). */
export function createEngine(options: ResolvedOptions): Engine {
  const events = new EventSink(options.hooks, createTelemetry(options.telemetry, options.clock));
  const { factory, quotas, coordinator } = limitersFor(options, events);
  const context: EngineContext = {
    options,
    limiters: new LimiterRegistry(factory, quotas),
    clockOffset: { ms: 0 },
    appPause: { until: 0 },
    budget: options.retry.budget
      ? new RetryBudget(options.retry.budget.maxTokens, options.retry.budget.tokenRatio)
      : undefined,
    events,
    rateLimitedOwner: 'throttle',
  };
  const throttle = throttleInterceptor(context);
  const defaults: DefaultInterceptors = {
    retry: retryInterceptor(context),
    throttle,
    sign: signInterceptor(context),
    classify: classifyInterceptor(context),
  };
  const chain = options.interceptors
    ? options.interceptors(defaults)
    : [defaults.retry, defaults.throttle, defaults.sign, defaults.classify];
  if (!Array.isArray(chain))
    throw new TypeError(`expected interceptors() to return an array, got ${typeof chain}`);
  // One owner per category: with the throttle in the chain, it alone handles rate-limited answers.
  context.rateLimitedOwner = chain.includes(throttle) ? 'throttle' : 'retry';
  const handler = compose(...chain)(sendAttempt(context));
  // With the default throttle in the chain, a call waits for its first slot before anything of it
  // is built: 100,000 queued calls cost a waiter each, not a chain of suspended frames.
  const admit = chain.includes(throttle) ? throttle.admit : undefined;
  const closing = new AbortController();
  setMaxListeners(Number.POSITIVE_INFINITY, closing.signal); // one listener per wait in progress
  const { clock, limits } = options;

  const finish = (call: ZimCall, outcome: Outcome) => {
    const { events } = context;
    const { state } = call;
    const reason = outcome.category === 'success' ? undefined : reasonOf(outcome);
    if (events.wants('settled')) {
      const durationMs = clock.now() - state.startedAt;
      events.emit(
        'settled',
        {
          action: call.action,
          attempts: state.attempts,
          category: outcome.category,
          reason,
          durationMs,
        },
        call,
      );
    }
    if (reason !== undefined && events.wants('giveUp')) {
      events.emit(
        'giveUp',
        {
          action: call.action,
          attempts: state.attempts,
          category: outcome.category,
          reason,
          giveUp: state.giveUp,
        },
        call,
      );
    }
    return { outcome, call };
  };

  /**
   * The error a caller sees: a close shows as `ZimClosedError` naming the action, and whether an
   * attempt was in flight. Emits `rejected`.
   */
  const surfaced = (error: unknown, init: CallInit, call?: ZimCall) => {
    const shown =
      closing.signal.aborted && error === closing.signal.reason
        ? new ZimClosedError(init.action, {
            attempts: call?.state.attempts ?? 0,
            mayHaveCommitted: call?.state.inFlight ?? false,
          })
        : error;
    if (events.wants('rejected')) events.emit('rejected', rejectedOf(init.action, call, shown), init);
    return shown;
  };

  const enter = async <T>(
    init: CallInit,
    startedAt: number,
    scopeKey: string | undefined,
    weight: number,
    prepaid: Permit | undefined,
    settle: ((result: RunResult) => T) | undefined,
  ): Promise<T | RunResult> => {
    const own = init.controller;
    if (own && closing.signal.aborted) own.abort(closing.signal.reason);
    const linked = own
      ? { signal: own.signal, dispose: onAbort(closing.signal, () => own.abort(closing.signal.reason)) }
      : init.signal
        ? linkSignals(init.signal, closing.signal)
        : undefined;
    const call: ZimCall = {
      action: init.action,
      scopeKey,
      weight,
      idempotent: init.idempotent ?? options.idempotent[init.action] ?? isIdempotentByDefault(init.action),
      signal: linked?.signal ?? closing.signal,
      state: {
        attempts: 0,
        resigns: 0,
        requeues: 0,
        prepaid,
        startedAt,
        firstSentAt: undefined,
        inFlight: false,
        giveUp: undefined,
        deadline: undefined,
      },
      send: (signed, signal, timeoutMs) => init.send(signed, signal, timeoutMs),
      appliesTimeout: init.appliesTimeout === true,
    };
    if (events.wants('start'))
      events.emit('start', { action: call.action, scopeKey, queuedMs: clock.now() - startedAt }, call, init);
    let result: RunResult;
    try {
      result = finish(call, await handler(call));
    } catch (error) {
      throw surfaced(error, init, call);
    } finally {
      call.state.prepaid?.release(); // a chain that never reached the throttle
      call.state.deadline?.dispose();
      linked?.dispose();
    }
    return settle ? settle(result) : result;
  };

  /**
   * A call waiting for its first slot: the limiter's waiter and the caller's promise, one object
   * (no chain, no closure, no promise of ours until the slot is granted).
   */
  class QueuedCall<T> implements SlotWaiter {
    /** Settles the caller's promise (a failure is resolved as a rejected promise: one function kept, not two). */
    resolve: ((value: T | RunResult | Promise<T | RunResult>) => void) | undefined;
    /** What it was told before the caller's promise existed (a grant or failure during `admit`). */
    early: Promise<T | RunResult> | undefined;
    constructor(
      readonly init: CallInit,
      readonly startedAt: number,
      readonly scopeKey: string | undefined,
      readonly weight: number,
      readonly settle: ((result: RunResult) => T) | undefined,
    ) {}
    granted(permit: Permit): void {
      this.#tell(enter(this.init, this.startedAt, this.scopeKey, this.weight, permit, this.settle));
    }
    failed(reason: unknown): void {
      this.#tell(Promise.reject(surfaced(reason, this.init)));
    }
    #tell(settled: Promise<T | RunResult>): void {
      if (this.resolve) this.resolve(settled);
      else this.early = settled;
    }
    /** The caller's promise. */
    promise(): Promise<T | RunResult> {
      return (
        this.early ??
        new Promise((resolve) => {
          this.resolve = resolve;
        })
      );
    }
  }

  const run = <T>(init: CallInit, settle?: (result: RunResult) => T): Promise<T | RunResult> => {
    const startedAt = clock.now(); // durations include the wait for the first slot
    try {
      if (closing.signal.aborted) throw closing.signal.reason;
      const limit = limits.get(init.action);
      const scopeKey = scopeKeyOf(init.params);
      const weight = weightOf(limit?.unit, init.params);
      if (events.wants('call'))
        events.emit('call', { action: init.action, scopeKey, method: init.method, url: init.url }, init);
      if (!admit || !limit) return enter(init, startedAt, scopeKey, weight, undefined, settle);
      const queued = new QueuedCall(init, startedAt, scopeKey, weight, settle);
      const slot = { action: init.action, limit, scopeKey, weight, signal: init.signal };
      const permit = admit(slot, queued);
      if (permit) return enter(init, startedAt, scopeKey, weight, permit, settle);
      return queued.promise();
    } catch (error) {
      return Promise.reject(surfaced(error, init));
    }
  };

  return {
    context,
    run: run as Engine['run'],
    needsParams(action) {
      const limit = limits.get(action);
      if (limit && (limit.scope !== 'app' || limit.unit === 'message')) return true;
      return events.wants('attempt') || events.wants('throttle') || events.wants('rateLimited');
    },
    async close() {
      if (closing.signal.aborted) return;
      const reason = new ZimClosedError();
      closing.abort(reason);
      await context.limiters.close(reason);
      await coordinator?.close();
    },
  };
}
