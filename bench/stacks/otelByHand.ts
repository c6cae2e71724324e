import { context, type MeterProvider, SpanKind, type TracerProvider, trace } from '@opentelemetry/api';
import type { Stack } from './Stack.js';

/**
 * What the conventions' spans and metrics cost with nothing of ours: `inner` (a client with
 * telemetry off) wrapped in what our telemetry makes of one successful call, done by hand
 * (a call span, one CLIENT span with the same attributes, the two histogram points). The
 * floor under our telemetry's cost, measured in the same loop.
 */
export function otelByHand(
  inner: Stack,
  providers: { tracerProvider: TracerProvider; meterProvider: MeterProvider },
  baseUrl: string,
  action: string,
): Stack {
  const tracer = providers.tracerProvider.getTracer('by-hand');
  const meter = providers.meterProvider.getMeter('by-hand');
  const attempts = meter.createHistogram('http.client.request.duration', { unit: 's' });
  const calls = meter.createHistogram('zim.client.call.duration', { unit: 's' });
  const url = new URL(baseUrl);
  const address = url.hostname;
  const port = Number(url.port);
  let nonce = 0;
  return {
    name: `${inner.name}, spans and metrics by hand`,
    async call(params) {
      const started = performance.now();
      const parent = context.active();
      const span = tracer.startSpan(`zim.call ${action}`, { attributes: { 'zim.action': action } }, parent);
      const attempt = tracer.startSpan(
        'POST',
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'zim.action': action,
            'http.request.method': 'POST',
            'url.full': `${baseUrl}?Action=${action}&AppId=1&SignatureNonce=${nonce++}&Timestamp=1&SignatureVersion=2.0&Signature=REDACTED`,
            'server.address': address,
            'server.port': port,
          },
        },
        trace.setSpan(parent, span),
      );
      await inner.call(params);
      attempt.setAttributes({ 'zim.category': 'success', 'http.response.status_code': 200, 'zim.code': 0 });
      attempt.end();
      const seconds = (performance.now() - started) / 1000;
      attempts.record(seconds, {
        'zim.action': action,
        'http.request.method': 'POST',
        'server.address': address,
        'server.port': port,
        'http.response.status_code': 200,
      });
      calls.record(seconds, { 'zim.action': action, 'zim.category': 'success' });
      span.setAttributes({ 'zim.attempts': 1, 'zim.category': 'success', 'zim.throttle.wait_ms': 0 });
      span.end();
    },
    close: () => inner.close(),
  };
}
