// OpenTelemetry: register the SDK you already run (here with console exporters) and every call
// is a `zim.call {Action}` span holding one CLIENT span per HTTP attempt, with the
// http.client.request.duration and zim.client.* metrics. Nothing to set on the client:
// `telemetry` is on whenever @opentelemetry/api is installed (docs/telemetry.md).
import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  ConsoleMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, ConsoleSpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

// The SDK, as an application sets it up (an OTLP exporter in production).
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const tracerProvider = new BasicTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())],
});
trace.setGlobalTracerProvider(tracerProvider);
const reader = new PeriodicExportingMetricReader({
  exporter: new ConsoleMetricExporter(),
  exportIntervalMillis: 60_000,
});
const meterProvider = new MeterProvider({ readers: [reader] });
metrics.setGlobalMeterProvider(meterProvider);

// A local ZIM server that answers "busy" twice before it answers.
const server = await startMockZimServer();
server.script('QueryUserInfos', [{ code: 1 }, { code: 1 }]);
const client = createZimClient({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url, // in production: leave it out
});

// Inside a span of your own, the call's span is its child.
await trace.getTracer('my-app').startActiveSpan('nightly sync', async (span) => {
  const { Code } = await client.call('QueryUserInfos', { UserIds: ['ann'] });
  console.log(`QueryUserInfos answered Code ${Code} after 3 attempts`);
  span.end();
});

await client.close();
await server.close();
await meterProvider.forceFlush(); // prints http.client.request.duration, zim.client.call.duration...
await meterProvider.shutdown();
await tracerProvider.shutdown();
