import type {
  Attributes,
  Context,
  Meter,
  MeterProvider,
  Span,
  Tracer,
  TracerProvider,
} from '@opentelemetry/api';
import type { ZimCall } from '../core/Call.js';
import type { Clock } from '../core/Clock.js';
import type { CallRecord } from '../engine/CallRecord.js';
import type { EventConsumer } from '../events/EventConsumer.js';
import type { ClusterEvent, ZimEvents } from '../events/ZimEvents.js';
import { AttemptTrace } from './AttemptTrace.js';
import { attemptUrl } from './attemptUrl.js';
import { errorTypeOf } from './errorTypeOf.js';
import { Instruments } from './Instruments.js';
import type { OtelApi } from './loadOtelApi.js';
import { propagatorRegistered, sdkRegistered } from './loadOtelApi.js';
import { type Server, serverOf } from './serverOf.js';

/** The instrumentation scope of every tracer and meter. */
const SCOPE = 'zim-resilience';

/** What telemetry keeps of one call, from its `call` event to its end. */
interface CallTrace {
  readonly action: string;
  readonly tracer: Tracer;
  /** The call span, and the context its attempts are children in. */
  readonly span: Span;
  /** False for a call span sampled out: its attempts get no span either (their metrics stay). */
  readonly recording: boolean;
  readonly context: Context;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly server: Server | undefined;
  /** When the call was made (the client's clock). */
  readonly startedAt: number;
  /** Counted in `zim.client.queue` until its `start`. */
  queued: boolean;
  /** The time it waited for slots (its first, from `start`). */
  waitedMs: number;
  /** The attempt span in progress, when its start was for this call. */
  attempt: Span | undefined;
  attemptStartedAt: number;
  /** A call that settled with a failure: its span ends at the `giveUp` that follows. */
  givingUp: boolean;
}

type Providers = { readonly tracerProvider?: unknown; readonly meterProvider?: unknown };

/** A `ZimCall`'s attempts are copies (`{ ...call, signed }`) sharing its `state`: the engine's record. */
const recordOf = (source: object): CallRecord | undefined =>
  (source as Partial<ZimCall>).state as CallRecord | undefined;

/**
 * Telemetry, as a reader of the engine's events: each call's span and its attempts' CLIENT spans,
 * and the metrics, per the OpenTelemetry HTTP client conventions (docs/telemetry.md). While no SDK
 * is registered (and no provider was given), it wants no event, so none is built. Tracers and
 * meters are taken from the provider registered at each call, so an SDK registered later reports.
 * It never throws into a call.
 */
export class Telemetry implements EventConsumer {
  readonly #api: OtelApi;
  readonly #clock: Clock;
  readonly #tracerProvider: TracerProvider | undefined;
  readonly #meterProvider: MeterProvider | undefined;
  readonly #given: boolean;
  #on = false;
  /**
   * Calls made and not yet started, by the door's `CallInit` (a started call's trace is on its
   * record, `call.state.trace`: one field read, and no ephemeron left for the GC to trace).
   */
  readonly #waiting = new WeakMap<object, CallTrace>();
  #tracerFrom: TracerProvider | undefined;
  #tracer: Tracer | undefined;
  #meterFrom: MeterProvider | undefined;
  #instruments: Instruments | undefined;
  #cluster: ClusterEvent | undefined;
  /** Calls waiting for their first slot, per action (`zim.client.queue`). */
  readonly #queued = new Map<string, number>();
  /** The learned rate of each app-scoped limiter that ever changed (`zim.client.throttle.rate`). */
  readonly #rates = new Map<string, number>();
  /** The server of the last origin seen (a client calls one origin). */
  #origin = '';
  #server: Server | undefined;

  constructor(api: OtelApi, providers: Providers, clock: Clock) {
    this.#api = api;
    this.#clock = clock;
    this.#tracerProvider = providers.tracerProvider as TracerProvider | undefined;
    this.#meterProvider = providers.meterProvider as MeterProvider | undefined;
    this.#given = this.#tracerProvider !== undefined || this.#meterProvider !== undefined;
  }

  wants(name: keyof ZimEvents): boolean {
    // checked once per call, at its start: the other events of the call follow that answer
    if (name === 'call' || name === 'cluster') this.#on = this.#given || sdkRegistered();
    return this.#on && name !== 'passthrough';
  }

  take<K extends keyof ZimEvents>(name: K, event: ZimEvents[K], source?: object, origin?: object): void {
    if (!this.#on) return;
    try {
      this.#take(name, event, source, origin);
    } catch {
      // telemetry never breaks a call
    }
  }

  #take(name: keyof ZimEvents, event: unknown, source?: object, origin?: object): void {
    switch (name) {
      case 'call':
        if (source) this.#called(event as ZimEvents['call'], source);
        return;
      case 'start': {
        const trace = origin && this.#waiting.get(origin);
        const record = source && recordOf(source);
        if (!trace || !record) return;
        this.#waiting.delete(origin);
        record.trace = trace;
        const { queuedMs } = event as ZimEvents['start'];
        trace.waitedMs += queuedMs;
        this.#dequeue(trace);
        return;
      }
      case 'attempt':
        if (source) this.#attempt(event as ZimEvents['attempt'], source as ZimCall);
        return;
      case 'attemptEnd':
        if (source) this.#attemptEnd(event as ZimEvents['attemptEnd'], source);
        return;
      case 'throttle': {
        const { action, waitedMs } = event as ZimEvents['throttle'];
        this.#meters().throttleWait.record(waitedMs / 1000, { 'zim.action': action });
        const trace = this.#traceOf(source); // a later attempt's wait (a first slot's is told by `start`)
        if (trace) trace.waitedMs += waitedMs;
        return;
      }
      case 'retry': {
        const r = event as ZimEvents['retry'];
        this.#meters().retries.add(1, { 'zim.action': r.action, 'zim.category': r.category });
        this.#traceOf(source)?.span.addEvent('zim.retry', {
          'zim.attempt': r.attempt,
          'zim.retry.delay_ms': r.delayMs,
          'zim.category': r.category,
          'zim.reason': r.reason,
        });
        return;
      }
      case 'resign': {
        const r = event as ZimEvents['resign'];
        this.#meters().retries.add(1, { 'zim.action': r.action, 'zim.category': 'auth' });
        this.#traceOf(source)?.span.addEvent('zim.resign', {
          ...(r.code !== undefined && { 'zim.code': r.code }),
          'zim.clock_offset_ms': r.clockOffsetMs,
        });
        return;
      }
      case 'rateLimited': {
        const r = event as ZimEvents['rateLimited'];
        this.#meters().rateLimited.add(1, {
          'zim.action': r.action,
          ...(r.code !== undefined && { 'zim.code': r.code }),
        });
        this.#traceOf(source)?.span.addEvent('zim.rate_limited', {
          ...(r.code !== undefined && { 'zim.code': r.code }),
          'zim.pause_ms': r.pauseMs,
          'zim.requeues': r.requeues,
        });
        return;
      }
      case 'settled':
        if (source) this.#settled(event as ZimEvents['settled'], source);
        return;
      case 'giveUp': {
        const trace = this.#traceOf(source);
        if (!trace) return;
        const { giveUp } = event as ZimEvents['giveUp'];
        if (giveUp !== undefined) trace.span.setAttribute('zim.give_up.reason', giveUp);
        if (trace.givingUp) trace.span.end();
        return;
      }
      case 'rejected':
        if (source) this.#rejected(event as ZimEvents['rejected'], source);
        return;
      case 'overload': {
        const { action } = event as ZimEvents['overload'];
        this.#meters().overloads.add(1, { 'zim.action': action });
        return;
      }
      case 'limitAdapted': {
        const { action, scopeKey, perSecond } = event as ZimEvents['limitAdapted'];
        if (scopeKey === undefined) this.#rates.set(action, perSecond); // per group or room: too many series
        this.#meters();
        return;
      }
      case 'cluster':
        this.#cluster = event as ClusterEvent;
        this.#meters(); // the gauge reads the last state
        return;
      default:
        return;
    }
  }

  /**
   * The trace context of the attempt `call` is about to send (after its `attempt` event): its CLIENT
   * span's, or the call's when the span was sampled out; with the propagator's headers for it.
   * Undefined when nothing is traced (no SDK registered), or there is no span to name.
   */
  attemptTrace(call: object): AttemptTrace | undefined {
    if (!this.#on) return undefined;
    try {
      const trace = this.#traceOf(call);
      if (!trace) return undefined;
      const api = this.#api;
      const context = trace.attempt ? api.trace.setSpan(trace.context, trace.attempt) : trace.context;
      if (!trace.attempt && api.trace.getSpan(context) === undefined) return undefined;
      let headers: Record<string, string> | undefined;
      if (propagatorRegistered()) {
        const carrier: Record<string, string> = {};
        api.propagation.inject(context, carrier);
        for (const _ in carrier) {
          headers = carrier;
          break;
        }
      }
      return new AttemptTrace(api, context, headers);
    } catch {
      return undefined; // telemetry never breaks a call
    }
  }

  /** The trace of the call `source` names: its record's, or (not yet started) its `CallInit`'s. */
  #traceOf(source: object | undefined): CallTrace | undefined {
    if (!source) return undefined;
    const record = recordOf(source);
    return record ? (record.trace as CallTrace | undefined) : this.#waiting.get(source);
  }

  #meters(): Instruments {
    const provider = this.#meterProvider ?? this.#api.metrics.getMeterProvider();
    if (provider !== this.#meterFrom || !this.#instruments) {
      this.#meterFrom = provider;
      const meter: Meter = provider.getMeter(SCOPE);
      this.#instruments = new Instruments(
        meter,
        () => this.#cluster,
        () => this.#queued,
        () => this.#rates,
      );
    }
    return this.#instruments;
  }

  #tracerNow(): Tracer {
    const provider = this.#tracerProvider ?? this.#api.trace.getTracerProvider();
    if (provider !== this.#tracerFrom || !this.#tracer) {
      this.#tracerFrom = provider;
      this.#tracer = provider.getTracer(SCOPE);
    }
    return this.#tracer;
  }

  #serverOf(url: string | undefined): Server | undefined {
    if (url === undefined) return undefined;
    const end = url.indexOf('/', url.indexOf('//') + 2);
    const origin = end === -1 ? url : url.slice(0, end);
    if (origin !== this.#origin) {
      this.#origin = origin;
      this.#server = serverOf(origin);
    }
    return this.#server;
  }

  #called(event: ZimEvents['call'], source: object): void {
    const api = this.#api;
    const parent = api.context.active();
    const tracer = this.#tracerNow();
    const span = tracer.startSpan(
      `zim.call ${event.action}`,
      { kind: api.SpanKind.INTERNAL, attributes: { 'zim.action': event.action } },
      parent,
    );
    const recording = span.isRecording();
    this.#waiting.set(source, {
      action: event.action,
      tracer,
      span,
      recording,
      context: recording ? api.trace.setSpan(parent, span) : parent,
      method: event.method,
      url: event.url,
      server: this.#serverOf(event.url),
      startedAt: this.#clock.now(),
      queued: true,
      waitedMs: 0,
      attempt: undefined,
      attemptStartedAt: 0,
      givingUp: false,
    });
    this.#meters(); // taken now: the queue is observed from the first call on
    this.#queued.set(event.action, (this.#queued.get(event.action) ?? 0) + 1);
  }

  #dequeue(trace: CallTrace): void {
    if (!trace.queued) return;
    trace.queued = false;
    this.#queued.set(trace.action, (this.#queued.get(trace.action) ?? 1) - 1);
  }

  #attempt(event: ZimEvents['attempt'], call: ZimCall): void {
    const trace = this.#traceOf(call);
    if (!trace) return;
    trace.attemptStartedAt = this.#clock.now();
    if (!trace.recording) return;
    trace.attempt?.end(); // its end was not told (a chain without the classify interceptor)
    const attributes: Attributes = { 'zim.action': trace.action };
    if (trace.method !== undefined) attributes['http.request.method'] = trace.method;
    if (trace.url !== undefined) attributes['url.full'] = attemptUrl(trace.url, call.signed);
    if (trace.server) {
      attributes['server.address'] = trace.server.address;
      attributes['server.port'] = trace.server.port;
    }
    if (event.attempt > 1) attributes['http.request.resend_count'] = event.attempt - 1;
    trace.attempt = trace.tracer.startSpan(
      trace.method ?? 'HTTP',
      { kind: this.#api.SpanKind.CLIENT, attributes },
      trace.context,
    );
  }

  #attemptEnd(event: ZimEvents['attemptEnd'], source: object): void {
    const trace = this.#traceOf(source);
    if (!trace) return;
    const seconds = (this.#clock.now() - trace.attemptStartedAt) / 1000;
    const errorType = errorTypeOf(event);
    const span = trace.attempt;
    trace.attempt = undefined;
    if (span) {
      const ended: Attributes = { 'zim.category': event.category };
      if (event.status !== undefined) ended['http.response.status_code'] = event.status;
      if (event.code !== undefined) ended['zim.code'] = event.code;
      if (errorType !== undefined) ended['error.type'] = errorType;
      span.setAttributes(ended);
      if (errorType !== undefined) {
        span.setStatus({
          code: this.#api.SpanStatusCode.ERROR,
          ...(event.reason !== undefined && { message: event.reason }),
        });
      }
      span.end();
    }
    const attributes: Attributes = { 'zim.action': trace.action };
    if (trace.method !== undefined) attributes['http.request.method'] = trace.method;
    if (trace.server) {
      attributes['server.address'] = trace.server.address;
      attributes['server.port'] = trace.server.port;
    }
    if (event.status !== undefined) attributes['http.response.status_code'] = event.status;
    if (errorType !== undefined) attributes['error.type'] = errorType;
    this.#meters().requestDuration.record(seconds, attributes);
  }

  #settled(event: ZimEvents['settled'], source: object): void {
    const trace = this.#traceOf(source);
    const failed = event.category !== 'success';
    const attributes: Attributes = { 'zim.action': event.action, 'zim.category': event.category };
    if (failed) attributes['error.type'] = event.category;
    this.#meters().callDuration.record(event.durationMs / 1000, attributes);
    if (!trace) return;
    trace.attempt?.end();
    const { span } = trace;
    span.setAttributes({
      'zim.attempts': event.attempts,
      'zim.category': event.category,
      'zim.throttle.wait_ms': trace.waitedMs,
    });
    if (!failed) {
      span.end();
      return;
    }
    if (event.reason !== undefined) span.setAttribute('zim.reason', event.reason);
    span.setAttribute('error.type', event.category);
    span.setStatus({
      code: this.#api.SpanStatusCode.ERROR,
      ...(event.reason !== undefined && { message: event.reason }),
    });
    trace.givingUp = true; // ended by the giveUp event that follows, with its reason
  }

  #rejected(event: ZimEvents['rejected'], source: object): void {
    const trace = this.#traceOf(source);
    if (!trace) return;
    const meters = this.#meters();
    this.#dequeue(trace);
    const seconds = (this.#clock.now() - trace.startedAt) / 1000;
    meters.callDuration.record(seconds, { 'zim.action': trace.action, 'error.type': event.error });
    const error = { code: this.#api.SpanStatusCode.ERROR, message: event.error };
    const { attempt, span } = trace;
    trace.attempt = undefined;
    if (attempt) {
      attempt.setAttribute('error.type', event.error);
      attempt.setStatus(error);
      attempt.end();
    }
    span.setAttributes({
      'zim.attempts': event.attempts,
      'zim.throttle.wait_ms': trace.waitedMs,
      'error.type': event.error,
    });
    span.setStatus(error);
    span.end();
  }
}
