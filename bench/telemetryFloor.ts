/**
 * A developer's tool (issue 22): what the OpenTelemetry SDK alone costs for what telemetry makes of
 * one successful call (a call span, an attempt span, two histogram points), without the client:
 * the floor under `bench/telemetryCost.ts`'s SDK figure. 5 rounds of 20,000.
 *
 *   npx tsx bench/telemetryFloor.ts
 */
import { context, metrics, SpanKind, trace } from '@opentelemetry/api';
import { noopMeterProvider, noopTracerProvider } from './otelNoop.js';

trace.setGlobalTracerProvider(noopTracerProvider());
metrics.setGlobalMeterProvider(noopMeterProvider());
const tracer = trace.getTracer('floor');
const meter = metrics.getMeter('floor');
const attempts = meter.createHistogram('http.client.request.duration', { unit: 's' });
const calls = meter.createHistogram('zim.client.call.duration', { unit: 's' });
const action = 'QueryUserInfos';

function oneCall(i: number): void {
  const parent = context.active();
  const span = tracer.startSpan(`zim.call ${action}`, { attributes: { 'zim.action': action } }, parent);
  const attempt = tracer.startSpan(
    'POST',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'zim.action': action,
        'http.request.method': 'POST',
        'url.full': `http://127.0.0.1:9/?Action=${action}&AppId=1&SignatureNonce=${i}&Timestamp=1&SignatureVersion=2.0&Signature=REDACTED`,
        'server.address': '127.0.0.1',
        'server.port': 9,
      },
    },
    trace.setSpan(parent, span),
  );
  attempt.setAttributes({ 'zim.category': 'success', 'http.response.status_code': 200, 'zim.code': 0 });
  attempt.end();
  attempts.record(0.001, {
    'zim.action': action,
    'http.request.method': 'POST',
    'server.address': '127.0.0.1',
    'server.port': 9,
    'http.response.status_code': 200,
  });
  calls.record(0.002, { 'zim.action': action, 'zim.category': 'success' });
  span.setAttributes({ 'zim.attempts': 1, 'zim.category': 'success', 'zim.throttle.wait_ms': 0 });
  span.end();
}

for (let r = 0; r < 6; r++) {
  const n = 20_000;
  const t = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    oneCall(i);
    if (i % 1000 === 0) await new Promise((done) => setImmediate(done));
  }
  const c = process.cpuUsage(t);
  if (r > 0) console.log(`round ${r}: ${((c.user + c.system) / n).toFixed(2)} µs per call`); // round 0 warms up
}
process.exit(0);
