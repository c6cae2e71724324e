/**
 * The OpenTelemetry SDK as an application that exports would run it, minus the export: a tracer
 * provider with a batch span processor and a meter provider with a periodic metric reader, both
 * handing their batches to exporters that do nothing. Used by the bench's telemetry section
 * (`telemetry.ts`) and the developer tool `telemetryCost.ts`.
 */
import {
  MeterProvider,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

const noSpans: SpanExporter = {
  export: (_spans, done) => done({ code: 0 }), // 0: ExportResultCode.SUCCESS
  shutdown: () => Promise.resolve(),
};
const noMetrics: PushMetricExporter = {
  export: (_metrics, done) => done({ code: 0 }), // 0: ExportResultCode.SUCCESS
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/**
 * A tracer provider whose spans go to a batch span processor (a queue large enough that none is
 * dropped at bench rates, flushed every 200 ms) and on to an exporter that does nothing. Without
 * a `sampler`, the SDK's default: every root span sampled.
 */
export function noopTracerProvider(sampler?: Sampler): BasicTracerProvider {
  return new BasicTracerProvider({
    ...(sampler && { sampler }),
    spanProcessors: [new BatchSpanProcessor(noSpans, { maxQueueSize: 65_536, scheduledDelayMillis: 200 })],
  });
}

/** A meter provider whose metrics a periodic reader collects every second for an exporter that does nothing. */
export function noopMeterProvider(): MeterProvider {
  return new MeterProvider({
    readers: [new PeriodicExportingMetricReader({ exporter: noMetrics, exportIntervalMillis: 1000 })],
  });
}
