// OpenTelemetry spans and metrics, read with the SDK's in-memory span exporter and a metric reader
// (issue 22). The SDK is registered globally once the test without an SDK has run; every test
// counts what the exporter and the mock server saw, never how long something took.

import { context, metrics, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  type DataPoint,
  type Histogram,
  MeterProvider,
  MetricReader,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import {
  AlwaysOffSampler,
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/core/Clock.js';
import { createZimClient, resilientFetch, type ZimClient, type ZimClientOptions } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { createTelemetry } from '../src/telemetry/createTelemetry.js';

/** A reader the test collects from when it wants. */
class TestReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

let server: MockZimServer | undefined;
let client: ZimClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function setup(options: Partial<ZimClientOptions> = {}) {
  server = await startMockZimServer();
  client = createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    retry: { minDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
  return { server, client };
}

describe('with no SDK registered', () => {
  it('a client works, and telemetry wants no event (none is built)', async () => {
    const { client, server } = await setup();
    server.script('QueryUserInfos', [{ code: 1 }]);
    const answer = await client.call('QueryUserInfos', { UserIds: ['a'] });
    expect(answer.Code).toBe(0);
    const telemetry = createTelemetry({ tracerProvider: undefined, meterProvider: undefined }, systemClock);
    expect(telemetry).toBeDefined(); // the API is installed here
    expect(telemetry!.wants('call')).toBe(false);
    expect(telemetry!.wants('attempt')).toBe(false);
    expect(createTelemetry(false, systemClock)).toBeUndefined();
  });

  it('the hooks tell the story telemetry is made of: call, start, attempt, attemptEnd, settled, rejected', async () => {
    const seen: [string, Record<string, unknown>][] = [];
    const hook = (name: string) => (e: object) => seen.push([name, { ...e }]);
    const names = ['call', 'start', 'attempt', 'attemptEnd', 'retry', 'settled', 'rejected'] as const;
    const { client, server } = await setup({
      hooks: Object.fromEntries(names.map((n) => [n, hook(n)])),
    });
    server.script('QueryUserInfos', [{ code: 1 }]);
    await client.call('QueryUserInfos', { UserIds: ['a'] });
    expect(seen.map(([n]) => n)).toEqual([
      'call',
      'start',
      'attempt',
      'attemptEnd',
      'retry',
      'attempt',
      'attemptEnd',
      'settled',
    ]);
    const [call, start] = seen.map(([, e]) => e);
    expect(call).toEqual({
      action: 'QueryUserInfos',
      scopeKey: undefined,
      method: 'POST',
      url: `${server.url}/?Action=QueryUserInfos`,
    });
    expect(start).toMatchObject({ action: 'QueryUserInfos', queuedMs: expect.any(Number) });
    expect(seen.filter(([n]) => n === 'attemptEnd').map(([, e]) => e)).toEqual([
      { action: 'QueryUserInfos', attempt: 1, category: 'retryable', status: 200, code: 1, reason: 'code 1' },
      { action: 'QueryUserInfos', attempt: 2, category: 'success', status: 200, code: 0, reason: undefined },
    ]);
    seen.length = 0;
    await expect(
      client.call('QueryUserInfos', { UserIds: ['a'] }, { signal: AbortSignal.abort() }),
    ).rejects.toThrow();
    expect(seen.map(([n, e]) => [n, e['error'] ?? ''])).toEqual([
      ['call', ''],
      ['start', ''],
      ['rejected', 'ZimAbortedError'], // the client's caller gets ZimAbortedError (its cause: the reason)
    ]);
    expect(JSON.stringify(seen)).not.toContain(server.serverSecret);
  });

  it('a telemetry option that is not a provider is a TypeError naming it', () => {
    const base = { appId: 1, serverSecret: 's' };
    expect(() => createZimClient({ ...base, telemetry: { tracerProvider: {} as never } })).toThrow(
      /expected telemetry\.tracerProvider to be an OpenTelemetry provider with getTracer\(\), got object/,
    );
    expect(() => createZimClient({ ...base, telemetry: 'yes' as never })).toThrow(/telemetry/);
    expect(() => createZimClient({ ...base, telemetry: { tracer: 1 } as never })).toThrow(
      /unknown option telemetry\.tracer/,
    );
  });
});

describe('with an SDK registered', () => {
  const exporter = new InMemorySpanExporter();
  const reader = new TestReader();
  let early: ZimClient;
  let earlyServer: MockZimServer;

  beforeAll(async () => {
    // a client made before the SDK is registered must report once it is
    earlyServer = await startMockZimServer();
    early = createZimClient({
      appId: earlyServer.appId,
      serverSecret: earlyServer.serverSecret,
      baseUrl: earlyServer.url,
      retry: { minDelayMs: 1, maxDelayMs: 5 },
    });
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    );
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  });
  afterAll(async () => {
    await early.close();
    await earlyServer.close();
    trace.disable();
    metrics.disable();
    context.disable();
  });
  afterEach(async () => {
    exporter.reset();
    await reader.collect(); // (cumulative: each test reads what its own calls added)
  });

  const spans = () => exporter.getFinishedSpans();
  const callSpans = () => spans().filter((s) => s.name.startsWith('zim.call '));
  const clientSpans = () => spans().filter((s) => s.kind === SpanKind.CLIENT);
  const metric = (all: ResourceMetrics, name: string) =>
    all.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name);

  it('busy twice then success: 3 CLIENT spans (resend count absent, 1, 2) under one call span, 3 durations in seconds', async () => {
    const before = await reader.collect();
    const countBefore = histogramCount(metric(before.resourceMetrics, 'http.client.request.duration'));
    earlyServer.script('QueryUserInfos', [{ code: 1 }, { code: 1 }]);
    const answer = await early.call('QueryUserInfos', { UserIds: ['a'] });
    expect(answer.Code).toBe(0);
    expect(earlyServer.stats().QueryUserInfos?.arrivals).toBe(3);

    const [call, ...others] = callSpans();
    expect(others).toEqual([]);
    expect(call!.name).toBe('zim.call QueryUserInfos');
    expect(call!.attributes).toMatchObject({
      'zim.action': 'QueryUserInfos',
      'zim.attempts': 3,
      'zim.category': 'success',
    });
    expect(typeof call!.attributes['zim.throttle.wait_ms']).toBe('number');
    expect(call!.events.filter((e) => e.name === 'zim.retry')).toHaveLength(2);

    const attempts = clientSpans();
    expect(attempts).toHaveLength(3);
    for (const span of attempts) {
      expect(span.parentSpanContext?.spanId).toBe(call!.spanContext().spanId);
      expect(span.spanContext().traceId).toBe(call!.spanContext().traceId);
      expect(span.name).toBe('POST');
    }
    expect(attempts.map((s) => s.attributes['http.request.resend_count'])).toEqual([undefined, 1, 2]);
    const url = new URL(earlyServer.url);
    for (const span of attempts) {
      expect(span.attributes).toMatchObject({
        'http.request.method': 'POST',
        'server.address': url.hostname,
        'server.port': Number(url.port),
        'http.response.status_code': 200,
        'zim.action': 'QueryUserInfos',
      });
      expect(span.attributes['url.full']).toMatch(
        /\?Action=QueryUserInfos&AppId=\d+&SignatureNonce=[0-9a-f]{16}&Timestamp=\d+&SignatureVersion=2\.0&Signature=REDACTED$/,
      );
    }
    expect(
      attempts.map((s) => [
        s.attributes['zim.code'],
        s.attributes['zim.category'],
        s.attributes['error.type'],
      ]),
    ).toEqual([
      [1, 'retryable', 'retryable'],
      [1, 'retryable', 'retryable'],
      [0, 'success', undefined],
    ]);
    expect(attempts.map((s) => s.status.code)).toEqual([
      SpanStatusCode.ERROR,
      SpanStatusCode.ERROR,
      SpanStatusCode.UNSET,
    ]);

    const after = await reader.collect();
    const duration = metric(after.resourceMetrics, 'http.client.request.duration');
    expect(duration?.descriptor.unit).toBe('s');
    expect(histogramCount(duration) - countBefore).toBe(3);
    for (const point of duration!.dataPoints as DataPoint<Histogram>[]) {
      expect(point.value.max!).toBeLessThan(10); // seconds, not milliseconds
      expect(point.attributes).toMatchObject({
        'http.request.method': 'POST',
        'server.address': url.hostname,
      });
    }
    const retries = metric(after.resourceMetrics, 'zim.client.retries');
    expect(
      sumOf(retries, { 'zim.action': 'QueryUserInfos', 'zim.category': 'retryable' }),
    ).toBeGreaterThanOrEqual(2);
    expect(metric(after.resourceMetrics, 'zim.client.call.duration')?.descriptor.unit).toBe('s');
    expectNoSecret(spans(), after, earlyServer.serverSecret);
  });

  it('overload: zim.client.overload counts refusals, zim.client.throttle.rate shows the learned rate', async () => {
    const { client, server } = await setup({ limits: { QueryUserInfos: { perSecond: 4 } } });
    server.script('QueryUserInfos', [{ code: 660700001 }]); // one rate-limited answer: the rate is learned
    await client.call('QueryUserInfos', { UserIds: ['a'] });
    const refused = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6].map(() =>
        client.call('QueryUserInfos', { UserIds: ['b'] }, { maxQueueWaitMs: 100 }),
      ),
    );
    expect(refused.filter((r) => r.status === 'rejected').length).toBeGreaterThan(0);
    const after = await reader.collect();
    const overload = metric(after.resourceMetrics, 'zim.client.overload');
    expect(overload?.dataPoints[0]?.attributes).toEqual({ 'zim.action': 'QueryUserInfos' });
    expect(overload?.dataPoints[0]?.value).toBeGreaterThan(0);
    const rate = metric(after.resourceMetrics, 'zim.client.throttle.rate');
    expect(rate?.descriptor.unit).toBe('{call}/s');
    expect(rate?.dataPoints.find((p) => p.attributes['zim.action'] === 'QueryUserInfos')?.value).toBeLessThan(
      4,
    );
  });

  it("a call made inside a user's span is its child, even when it waits in the queue", async () => {
    const { client } = await setup({ limits: { QueryUserInfos: { perSecond: 4, burst: 1 } } });
    const tracer = trace.getTracer('test');
    const users = await Promise.all(
      [1, 2, 3].map((n) =>
        tracer.startActiveSpan(`user ${n}`, async (span) => {
          await client.call('QueryUserInfos', { UserIds: [`u${n}`] });
          span.end();
          return span.spanContext().spanId;
        }),
      ),
    );
    const calls = callSpans();
    expect(calls).toHaveLength(3);
    expect(calls.map((s) => s.parentSpanContext?.spanId).sort()).toEqual([...users].sort());
    const waited = calls.map((s) => s.attributes['zim.throttle.wait_ms'] as number);
    expect(waited.filter((ms) => ms > 0).length).toBeGreaterThanOrEqual(2); // two of three queued
    const after = await reader.collect();
    expect(metric(after.resourceMetrics, 'zim.client.throttle.wait')?.dataPoints.length).toBeGreaterThan(0);
  });

  it("zim.throttle.wait_ms counts a retry's wait for a slot, not only the first", async () => {
    const { client, server } = await setup({ limits: { QueryUserInfos: { perSecond: 1, burst: 1 } } });
    server.script('QueryUserInfos', [{ code: 1 }]); // the first attempt is answered busy
    // the first call's retry waits about a second for the next slot (ahead of the second call)
    await Promise.all([
      client.call('QueryUserInfos', { UserIds: ['first'] }),
      client.call('QueryUserInfos', { UserIds: ['second'] }),
    ]);
    const first = callSpans().find((s) => s.attributes['zim.attempts'] === 2);
    expect(first).toBeDefined();
    expect(first!.attributes['zim.throttle.wait_ms'] as number).toBeGreaterThan(500);
  });

  it('a call given up and a call aborted end their spans with the reason', async () => {
    const { client, server } = await setup({ retry: { maxAttempts: 2, minDelayMs: 1, maxDelayMs: 2 } });
    server.script('QueryUserInfos', [{ http: 503 }, { http: 503 }]);
    await expect(client.call('QueryUserInfos', { UserIds: ['a'] })).rejects.toThrow();
    const [given] = callSpans();
    expect(given!.attributes).toMatchObject({
      'zim.give_up.reason': 'max-attempts',
      'zim.category': 'retryable',
      'zim.reason': 'HTTP 503',
    });
    expect(given!.status.code).toBe(SpanStatusCode.ERROR);
    expect(clientSpans().map((s) => s.attributes['error.type'])).toEqual(['503', '503']);

    exporter.reset();
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.call('QueryUserInfos', { UserIds: ['a'] }, { signal: controller.signal }),
    ).rejects.toThrow();
    const [aborted] = callSpans();
    expect(aborted!.attributes['error.type']).toBe('ZimAbortedError');
    expect(aborted!.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('a transport error is the attempt span error.type, and the fetch door traces too', async () => {
    const { server } = await setup();
    server.script('QueryUserInfos', ['reset']);
    const zimFetch = resilientFetch(fetch, {
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      retry: { minDelayMs: 1, maxDelayMs: 2 },
    });
    const res = await zimFetch(`${server.url}/?Action=QueryUserInfos`, {
      method: 'POST',
      body: JSON.stringify({ UserIds: ['a'] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    await zimFetch.close();
    const attempts = clientSpans();
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.attributes['error.type']).toMatch(/^(ECONNRESET|UND_ERR_SOCKET)$/);
    expect(attempts[0]!.attributes['http.response.status_code']).toBeUndefined();
    expect(attempts[1]!.attributes['url.full']).toMatch(/Signature=REDACTED$/);
    expectNoSecret(spans(), await reader.collect(), server.serverSecret);
  });

  it('telemetry: false records nothing; given providers are used', async () => {
    const { server } = await setup({ telemetry: false });
    await client!.call('QueryUserInfos', { UserIds: ['a'] });
    expect(spans()).toEqual([]);
    const own = new InMemorySpanExporter();
    const mine = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      telemetry: {
        tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(own)] }),
      },
    });
    await mine.call('QueryUserInfos', { UserIds: ['a'] });
    await mine.close();
    expect(own.getFinishedSpans().map((s) => s.name)).toEqual(['POST', 'zim.call QueryUserInfos']);
    expect(spans()).toEqual([]);
    // a call sampled out makes no attempt span either
    const none = new InMemorySpanExporter();
    const sampledOut = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      telemetry: {
        tracerProvider: new BasicTracerProvider({
          sampler: new AlwaysOffSampler(),
          spanProcessors: [new SimpleSpanProcessor(none)],
        }),
      },
    });
    await sampledOut.call('QueryUserInfos', { UserIds: ['a'] });
    await sampledOut.close();
    expect(none.getFinishedSpans()).toEqual([]);
  });
});

function histogramCount(m: { dataPoints: unknown[] } | undefined): number {
  if (!m) return 0;
  return (m.dataPoints as DataPoint<Histogram>[]).reduce((n, p) => n + p.value.count, 0);
}

function sumOf(m: { dataPoints: unknown[] } | undefined, attributes: Record<string, unknown>): number {
  if (!m) return 0;
  return (m.dataPoints as DataPoint<number>[])
    .filter((p) => Object.entries(attributes).every(([k, v]) => p.attributes[k] === v))
    .reduce((n, p) => n + p.value, 0);
}

/** Every exported attribute (span, span event, metric point), scanned for the secret and a signature. */
function expectNoSecret(
  spans: ReadableSpan[],
  collected: { resourceMetrics: ResourceMetrics },
  secret: string,
) {
  const values: unknown[] = [];
  for (const span of spans) {
    values.push(span.name, ...Object.values(span.attributes), span.status.message);
    for (const event of span.events) values.push(event.name, ...Object.values(event.attributes ?? {}));
  }
  for (const scope of collected.resourceMetrics.scopeMetrics)
    for (const m of scope.metrics) for (const p of m.dataPoints) values.push(...Object.values(p.attributes));
  expect(values.length).toBeGreaterThan(20);
  for (const value of values) {
    const text = String(value);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/[0-9a-f]{32}/); // an md5 signature
    expect(text).not.toMatch(/Signature=(?!REDACTED)/);
  }
}
