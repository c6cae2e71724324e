/**
 * A developer's tool, not part of `npm run bench` (issue 22): what telemetry costs the client.
 * The client's calls per CPU second in three modes, taken in the same round one after the other
 * (a fake dispatcher answers on the next turn of the loop: no network, no server, so it holds
 * still on a shared machine):
 *
 * - `off`: `telemetry: false`;
 * - `no-sdk`: the default (`@opentelemetry/api` installed) with no SDK registered;
 * - `sdk`: an SDK registered, every span sampled, a batch span processor and a metric reader
 *   whose exporters do nothing (what an application that exports pays here, minus the export).
 *
 *   npx tsx bench/telemetryCost.ts [rounds] [concurrency]
 *
 * Prints each round's ratio to `off` (calls per CPU second), then the median, min and max.
 */
import { metrics, trace } from '@opentelemetry/api';
import { ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import { FakeDispatcher } from './FakeDispatcher.js';
import { noopMeterProvider, noopTracerProvider } from './otelNoop.js';
import { pkg } from './pkg.js';

const ROUNDS = Number(process.argv[2] ?? 7);
const CONCURRENCY = Number(process.argv[3] ?? 32);
const CALLS = 20_000;

const tracerProvider = noopTracerProvider();
/** One call in ten sampled (the others still record their metrics). */
const sampledProvider = noopTracerProvider(
  new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(0.1) }),
);
const meterProvider = noopMeterProvider();

const fake = new FakeDispatcher();
const base = { appId: 1, serverSecret: 's', baseUrl: 'http://127.0.0.1:9/', dispatcher: fake } as const;
const limits = { QueryUserInfos: false } as const;
const off = pkg.createZimClient({ ...base, limits, telemetry: false });
const on = pkg.createZimClient({ ...base, limits }); // the default: the global API, whatever is registered
const params = { UserIds: ['bench-user'] };

/** CPU microseconds per call, `CALLS` calls with `CONCURRENCY` in flight. */
async function cpuPerCall(client: typeof off): Promise<number> {
  let i = 0;
  const t = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (i++ < CALLS) await client.call('QueryUserInfos', params);
    }),
  );
  const c = process.cpuUsage(t);
  return (c.user + c.system) / CALLS;
}

const register = (provider = tracerProvider) => {
  trace.setGlobalTracerProvider(provider);
  metrics.setGlobalMeterProvider(meterProvider);
};
const unregister = () => {
  trace.disable();
  metrics.disable();
};

// warm every path
await cpuPerCall(off);
await cpuPerCall(on);
register();
await cpuPerCall(on);
unregister();

const rows: { off: number; noSdk: number; sdk: number; sampled: number }[] = [];
for (let r = 0; r < ROUNDS; r++) {
  // the order alternates: what one mode leaves to collect is not always billed to the same one
  const withSdk = async (provider: typeof tracerProvider) => {
    register(provider);
    const us = await cpuPerCall(on);
    unregister();
    return us;
  };
  const row = { off: 0, noSdk: 0, sdk: 0, sampled: 0 };
  if (r % 2 === 0) {
    row.off = await cpuPerCall(off);
    row.noSdk = await cpuPerCall(on);
    row.sdk = await withSdk(tracerProvider);
    row.sampled = await withSdk(sampledProvider);
  } else {
    row.sampled = await withSdk(sampledProvider);
    row.sdk = await withSdk(tracerProvider);
    row.noSdk = await cpuPerCall(on);
    row.off = await cpuPerCall(off);
  }
  rows.push(row);
  const ratio = (us: number) => (row.off / us).toFixed(3);
  console.log(
    `round ${r + 1}: off ${row.off.toFixed(1)} µs/call, no-sdk ${row.noSdk.toFixed(1)} (ratio ${ratio(row.noSdk)}), ` +
      `sdk ${row.sdk.toFixed(1)} (${ratio(row.sdk)}), sdk sampling 10% ${row.sampled.toFixed(1)} (${ratio(row.sampled)})`,
  );
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(3)} (min ${s[0]!.toFixed(3)}, max ${s.at(-1)!.toFixed(3)})`;
};
console.log(`client ratio, no SDK / off (calls per CPU second): ${stats(rows.map((x) => x.off / x.noSdk))}`);
console.log(`client ratio, SDK + no-op exporters / off:          ${stats(rows.map((x) => x.off / x.sdk))}`);
console.log(
  `client ratio, SDK sampling 10% / off:               ${stats(rows.map((x) => x.off / x.sampled))}`,
);
await off.close();
await on.close();
await tracerProvider.shutdown();
await sampledProvider.shutdown();
await meterProvider.shutdown();
