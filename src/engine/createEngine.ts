import { setMaxListeners } from 'node:events';
import type { ZimCall } from '../core/Call.js';
import { compose } from '../core/compose.js';
import { linkSignals } from '../core/linkSignals.js';
import { onAbort } from '../core/onAbort.js';
import { ZimAbortedError } from '../errors/ZimAbortedError.js';
import { ZimClosedError } from '../errors/ZimClosedError.js';
import { ZimOverloadError } from '../errors/ZimOverloadError.js';
import { EventSink } from '../events/EventSink.js';
import { rejectedOf } from '../events/rejectedOf.js';
import type { Permit } from '../limits/Limiter.js';
import { QueueBoundExceeded } from '../limits/QueueBoundExceeded.js';
import { scopeKeyOf } from '../limits/scopeKeyOf.js';
import { weightOf } from '../limits/weightOf.js';
import { isIdempotentByDefault } from '../options/isIdempotentByDefault.js';
import type { ResolvedOptions } from '../options/resolveOptions.js';
import { classifyRemedy } from '../remedies/classify/classifyRemedy.js';
import { orderChain } from '../remedies/orderChain.js';
import { retryRemedy } from '../remedies/retry/retryRemedy.js';
import { signRemedy } from '../remedies/sign/signRemedy.js';
import { Prepaid } from '../remedies/throttle/Prepaid.js';
import { throttleRemedy } from '../remedies/throttle/throttleRemedy.js';
import { createTelemetry } from '../telemetry/createTelemetry.js';
import { CallRecord } from './CallRecord.js';
import type { CallInit, Engine, RunResult } from './Engine.js';
import { emitSettled } from './emitSettled.js';
import { limitersFor } from './limitersFor.js';
import { type Entrance, QueuedCall } from './QueuedCall.js';
import { sendAttempt } from './sendAttempt.js';

export type { CallInit, Engine, RunResult } from './Engine.js';

/**
 * Builds the engine of one client (or fetch wrapper, or undici interceptor), in four steps: the
 * options (resolved by the door), the four remedies (each with its own state), the chain (its
 * order checked by step name), and `run`, which sends a call through it.
 * @internal
 */
export function createEngine(options: ResolvedOptions): Engine {
  // 1. The options, resolved by the door; what the whole client shares: its events and limiters.
  const { clock, limits, maxQueueWaitMs } = options;
  const events = new EventSink(options.hooks, createTelemetry(options.telemetry, clock));
  const { limiters, coordinator } = limitersFor(options, events);

  // 2. The four remedies, each owning its state.
  const throttle = throttleRemedy(options, limiters, events);
  const remedies = {
    retry: retryRemedy(options, events),
    throttle,
    sign: signRemedy(options),
    classify: classifyRemedy(options, events),
  };

  // 3. The chain, its order checked by step name, ending in the engine's send.
  const chain = orderChain(remedies, options.interceptors);
  const handler = compose(...chain.interceptors)(sendAttempt(clock, options.retry.attemptTimeoutMs, events));
  // With the throttle in the chain, a call waits for its first slot before anything of it is
  // built: 100,000 queued calls cost a waiter each, not a chain of suspended frames.
  const admit = chain.steps.has('throttle') ? throttle.slots.admit : undefined;

  // 4. Sending: each call through the chain, the first slot taken first.
  const closing = new AbortController();
  setMaxListeners(Number.POSITIVE_INFINITY, closing.signal); // one listener per wait in progress

  /**
   * The error a caller sees: a close shows as `ZimClosedError` naming the action, and whether an
   * attempt was in flight; an abort of the caller's signal as `ZimAbortedError` for a door that
   * asks for it (`typedAbort`); a bounded wait refused as `ZimOverloadError` (and `overload`).
   * Emits `rejected`.
   */
  const surfaced = (error: unknown, init: CallInit, call?: ZimCall, scopeKey?: string) => {
    let shown = error;
    if (closing.signal.aborted && error === closing.signal.reason)
      shown = new ZimClosedError(init.action, {
        attempts: call?.state.attempts ?? 0,
        mayHaveCommitted: call?.state.inFlight ?? false,
      });
    else if (init.typedAbort && init.signal?.aborted && error === init.signal.reason)
      shown = new ZimAbortedError({
        action: init.action,
        attempts: call?.state.attempts ?? 0,
        mayHaveCommitted: call?.state.inFlight ?? false,
        cause: error,
      });
    else if (error instanceof QueueBoundExceeded) {
      const { queued, retryAfterMs, maxWaitMs } = error;
      shown = new ZimOverloadError({ action: init.action, queued, retryAfterMs, maxQueueWaitMs: maxWaitMs });
      if (events.wants('overload'))
        events.emit(
          'overload',
          { action: init.action, scopeKey, queued, retryAfterMs, maxQueueWaitMs: maxWaitMs },
          init,
        );
    }
    if (events.wants('rejected')) events.emit('rejected', rejectedOf(init.action, call, shown), call ?? init);
    return shown;
  };

  const enter = async <T>(
    init: CallInit,
    startedAt: number,
    scopeKey: string | undefined,
    weight: number,
    permit: Permit | undefined,
    settle: ((result: RunResult) => T) | undefined,
  ): Promise<T | RunResult> => {
    const own = init.controller;
    if (own && closing.signal.aborted) own.abort(closing.signal.reason);
    const linked = own
      ? { signal: own.signal, dispose: onAbort(closing.signal, () => own.abort(closing.signal.reason)) }
      : init.signal
        ? linkSignals(init.signal, closing.signal)
        : undefined;
    const firstSlot = permit && new Prepaid(permit);
    const call: ZimCall = {
      action: init.action,
      scopeKey,
      weight,
      priority: init.priority ?? 0,
      idempotent: init.idempotent ?? options.idempotent[init.action] ?? isIdempotentByDefault(init.action),
      signal: linked?.signal ?? closing.signal,
      state: new CallRecord(startedAt),
      firstSlot,
      send: (signed, signal, timeoutMs, headers) => init.send(signed, signal, timeoutMs, headers),
      appliesTimeout: init.appliesTimeout === true,
    };
    if (events.wants('start'))
      events.emit('start', { action: call.action, scopeKey, queuedMs: clock.now() - startedAt }, call, init);
    let result: RunResult;
    try {
      if (init.beforeFirstSend) await init.beforeFirstSend();
      const outcome = await handler(call);
      emitSettled(events, clock, call, outcome);
      result = { outcome, call };
    } catch (error) {
      throw surfaced(error, init, call);
    } finally {
      firstSlot?.release(); // a call that never reached the throttle
      linked?.dispose();
    }
    return settle ? settle(result) : result;
  };

  const entrance: Entrance = {
    enter: (q, permit) => enter(q.init, q.startedAt, q.scopeKey, q.weight, permit, q.settle),
    surfaced: (reason, q) => surfaced(reason, q.init, undefined, q.scopeKey),
  };

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
      const queued = new QueuedCall(entrance, init, startedAt, scopeKey, weight, settle);
      const slot = {
        action: init.action,
        limit,
        scopeKey,
        weight,
        signal: init.signal,
        priority: init.priority ?? 0,
        maxWaitMs: init.maxQueueWaitMs ?? maxQueueWaitMs,
      };
      const permit = admit(slot, queued);
      if (permit) return enter(init, startedAt, scopeKey, weight, permit, settle);
      return queued.promise();
    } catch (error) {
      return Promise.reject(surfaced(error, init));
    }
  };

  return {
    limiters,
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
      await limiters.close(reason);
      await coordinator?.close();
    },
  };
}
