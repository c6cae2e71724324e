// Trace context on every attempt (issue 31): each attempt runs in its CLIENT span's context, and
// through the registered propagator (the SDK's W3C one) carries a `traceparent` naming that span,
// counted at the mock server; a user's undici instrumentation (a diagnostics_channel subscriber,
// as @opentelemetry/instrumentation-undici is) nests under the attempt span. Tests run in order:
// no SDK, an SDK without a propagator, then with the W3C propagator.

import diagnostics from 'node:diagnostics_channel';
import { context, propagation, type Span, SpanKind, TraceFlags, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TraceState, W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { Agent, request } from 'undici';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZimClient, resilientFetch, zimInterceptor } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';

/** The user's own undici instrumentation: a span per request, parented by the active context. */
const userSpans = new Map<object, Span>();
const seenHeaders: string[][] = [];
const onCreate = (message: unknown) => {
  const { request: req } = message as { request: { method: string; headers: unknown } };
  seenHeaders.push(headerPairs(req.headers));
  userSpans.set(
    req,
    trace
      .getTracer('user-undici')
      .startSpan(`user ${req.method}`, { kind: SpanKind.CLIENT }, context.active()),
  );
};
const onDone = (message: unknown) => {
  const { request: req } = message as { request: object };
  userSpans.get(req)?.end();
  userSpans.delete(req);
};
diagnostics.subscribe('undici:request:create', onCreate);
diagnostics.subscribe('undici:request:trailers', onDone);
diagnostics.subscribe('undici:request:error', onDone);

/** undici 7 keeps request headers as a flat array; Node's fetch (undici 6) as a string. */
function headerPairs(headers: unknown): string[] {
  if (Array.isArray(headers)) return headers.map(String);
  return String(headers)
    .split('\r\n')
    .filter(Boolean)
    .flatMap((line) => {
      const i = line.indexOf(':');
      return [line.slice(0, i), line.slice(i + 1).trim()];
    });
}

const exporter = new InMemorySpanExporter();
const spans = (): ReadableSpan[] => exporter.getFinishedSpans();
const attemptSpans = () =>
  spans().filter((s) => s.instrumentationScope.name === 'zim-resilience' && s.kind === SpanKind.CLIENT);
const userUndiciSpans = () => spans().filter((s) => s.instrumentationScope.name === 'user-undici');
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

let server: MockZimServer;
const closers: (() => Promise<void>)[] = [];
beforeEach(async () => {
  server = await startMockZimServer();
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await server.close();
  exporter.reset();
  seenHeaders.length = 0;
});
afterAll(() => {
  diagnostics.unsubscribe('undici:request:create', onCreate);
  diagnostics.unsubscribe('undici:request:trailers', onDone);
  diagnostics.unsubscribe('undici:request:error', onDone);
  trace.disable();
  context.disable();
  propagation.disable();
});

/** One `QueryUserInfos` through each door, busy once then answered: two attempts. */
const doors = {
  'client (undici)': async () => {
    const zim = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      retry: { minDelayMs: 1, maxDelayMs: 2 },
    });
    closers.push(() => zim.close());
    await zim.call('QueryUserInfos', { UserIds: ['a'] });
  },
  'client (fetch)': async () => {
    const zim = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      fetch: globalThis.fetch,
      retry: { minDelayMs: 1, maxDelayMs: 2 },
    });
    closers.push(() => zim.close());
    await zim.call('QueryUserInfos', { UserIds: ['a'] });
  },
  resilientFetch: async () => {
    const zimFetch = resilientFetch(fetch, {
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      retry: { minDelayMs: 1, maxDelayMs: 2 },
    });
    closers.push(() => zimFetch.close());
    // the caller's own traceparent (a stale one) is replaced by the attempt's
    const res = await zimFetch(`${server.url}/?Action=QueryUserInfos`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`,
      },
      body: JSON.stringify({ UserIds: ['a'] }),
    });
    await res.text();
  },
  zimInterceptor: async () => {
    const interceptor = zimInterceptor({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      retry: { minDelayMs: 1, maxDelayMs: 2 },
    });
    const agent = new Agent().compose(interceptor);
    closers.push(async () => {
      await interceptor.close();
      await agent.close();
    });
    const res = await request(`${server.url}/?Action=QueryUserInfos`, {
      dispatcher: agent,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        TraceParent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`,
      },
      body: JSON.stringify({ UserIds: ['a'] }),
    });
    await res.body.text();
  },
} as const;

describe('with no SDK registered', () => {
  it.each(Object.keys(doors))('%s: no traceparent is added', async (door) => {
    server.script('QueryUserInfos', [{ code: 1 }]);
    await doors[door as keyof typeof doors]();
    const stats = server.stats().QueryUserInfos;
    expect(stats.arrivals).toBe(2);
    // resilientFetch and zimInterceptor pass the caller's own header through untouched
    const own = door === 'resilientFetch' || door === 'zimInterceptor' ? 2 : 0;
    expect(stats.traceparents).toHaveLength(own);
  });
});

describe('with an SDK registered and no propagator', () => {
  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    );
  });
  afterEach(() => {
    trace.disable();
    context.disable();
  });

  it.each(Object.keys(doors))(
    "%s: no header added, and the user's undici span nests under the attempt span",
    async (door) => {
      server.script('QueryUserInfos', [{ code: 1 }]);
      await doors[door as keyof typeof doors]();
      const stats = server.stats().QueryUserInfos;
      expect(stats.arrivals).toBe(2);
      if (door === 'client (undici)' || door === 'client (fetch)') expect(stats.traceparents).toEqual([]);
      else
        expect(stats.traceparents).toEqual([
          `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`,
          `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`,
        ]);
      const attempts = attemptSpans();
      expect(attempts).toHaveLength(2);
      const users = userUndiciSpans();
      expect(users).toHaveLength(2);
      expect(users.map((s) => s.parentSpanContext?.spanId).sort()).toEqual(
        attempts.map((s) => s.spanContext().spanId).sort(),
      );
    },
  );
});

describe('with an SDK and the W3C propagator registered', () => {
  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    );
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });
  afterEach(() => {
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it.each(Object.keys(doors))(
    '%s: each attempt carries a traceparent naming its own CLIENT span, seen at the server',
    async (door) => {
      server.script('QueryUserInfos', [{ code: 1 }]);
      await doors[door as keyof typeof doors]();
      const { traceparents, arrivals } = server.stats().QueryUserInfos;
      expect(arrivals).toBe(2);
      expect(traceparents).toHaveLength(2);
      const attempts = attemptSpans().sort(
        (a, b) =>
          ((a.attributes['http.request.resend_count'] ?? 0) as number) -
          ((b.attributes['http.request.resend_count'] ?? 0) as number),
      );
      expect(attempts).toHaveLength(2);
      const call = spans().find((s) => s.name === 'zim.call QueryUserInfos')!;
      traceparents.forEach((header, i) => {
        const [, traceId, spanId] = TRACEPARENT.exec(header) ?? [];
        expect(traceId).toBe(call.spanContext().traceId);
        expect(spanId).toBe(attempts[i]!.spanContext().spanId);
      });
      // the user's undici spans nest under the attempt spans, in the same trace
      const users = userUndiciSpans();
      expect(users.map((s) => s.parentSpanContext?.spanId).sort()).toEqual(
        attempts.map((s) => s.spanContext().spanId).sort(),
      );
      // the signature is in no attribute of any span (url.full says REDACTED)
      for (const span of spans()) {
        for (const value of Object.values(span.attributes))
          expect(String(value)).not.toMatch(/Signature=(?!REDACTED)/);
      }
    },
  );

  it("tracestate: the user's trace state goes with every attempt, under the user's own trace", async () => {
    const parent = trace.wrapSpanContext({
      traceId: 'a'.repeat(32),
      spanId: 'b'.repeat(16),
      traceFlags: TraceFlags.SAMPLED,
      traceState: new TraceState('vendor=value'),
      isRemote: true,
    });
    server.script('QueryUserInfos', [{ code: 1 }]);
    await context.with(trace.setSpan(context.active(), parent), () => doors['client (undici)']());
    const { traceparents } = server.stats().QueryUserInfos;
    expect(traceparents.map((h) => TRACEPARENT.exec(h)?.[1])).toEqual(['a'.repeat(32), 'a'.repeat(32)]);
    const states = seenHeaders.map(
      (pairs) => pairs[pairs.findIndex((p) => p.toLowerCase() === 'tracestate') + 1],
    );
    expect(states).toEqual(['vendor=value', 'vendor=value']);
  });

  it('a call sampled out still carries its parent trace (not sampled), with no span of its own', async () => {
    trace.disable();
    const { AlwaysOffSampler } = await import('@opentelemetry/sdk-trace-base');
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({
        sampler: new AlwaysOffSampler(),
        spanProcessors: [new SimpleSpanProcessor(exporter)],
      }),
    );
    const parent = trace.wrapSpanContext({
      traceId: 'c'.repeat(32),
      spanId: 'd'.repeat(16),
      traceFlags: TraceFlags.NONE,
      isRemote: true,
    });
    await context.with(trace.setSpan(context.active(), parent), () => doors['client (undici)']());
    expect(server.stats().QueryUserInfos.traceparents).toEqual([`00-${'c'.repeat(32)}-${'d'.repeat(16)}-00`]);
  });
});
