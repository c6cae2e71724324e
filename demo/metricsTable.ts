import { metrics } from '@opentelemetry/api';
import { type DataPoint, type Histogram, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { formatTable } from './table.js';

/** A reader the demo collects from once, at the end. */
class OnDemandReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

interface Row {
  calls: number;
  callSeconds: number;
  attempts: number;
  attemptSeconds: number;
  retries: number;
  refusals: number;
}

/**
 * Registers an OpenTelemetry meter provider (the client reports into it with no option set:
 * docs/telemetry.md) and returns what prints its per-action table from the metrics.
 */
export function startMetrics(): { table(): Promise<string>; shutdown(): Promise<void> } {
  const reader = new OnDemandReader();
  const provider = new MeterProvider({ readers: [reader] });
  metrics.setGlobalMeterProvider(provider);
  return {
    async table() {
      const { resourceMetrics } = await reader.collect();
      const rows = new Map<string, Row>();
      const row = (action: unknown) => {
        const key = String(action);
        let r = rows.get(key);
        if (!r) {
          r = { calls: 0, callSeconds: 0, attempts: 0, attemptSeconds: 0, retries: 0, refusals: 0 };
          rows.set(key, r);
        }
        return r;
      };
      for (const m of resourceMetrics.scopeMetrics.flatMap((s) => s.metrics)) {
        for (const p of m.dataPoints as DataPoint<unknown>[]) {
          const r = row(p.attributes['zim.action']);
          const h = p.value as Histogram;
          if (m.descriptor.name === 'zim.client.call.duration') {
            r.calls += h.count;
            r.callSeconds += h.sum ?? 0;
          } else if (m.descriptor.name === 'http.client.request.duration') {
            r.attempts += h.count;
            r.attemptSeconds += h.sum ?? 0;
          } else if (m.descriptor.name === 'zim.client.retries') r.retries += p.value as number;
          else if (m.descriptor.name === 'zim.client.rate_limited') r.refusals += p.value as number;
        }
      }
      const total = row('total');
      rows.delete('total');
      for (const r of rows.values()) for (const k of Object.keys(total) as (keyof Row)[]) total[k] += r[k];
      const ms = (seconds: number, n: number) => (n ? ((seconds / n) * 1000).toFixed(1) : '-');
      const line = (name: string, r: Row) => [
        name,
        String(r.calls),
        ms(r.callSeconds, r.calls),
        String(r.attempts),
        ms(r.attemptSeconds, r.attempts),
        String(r.retries),
        String(r.refusals),
      ];
      const body = [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([name, r]) => line(name, r));
      return formatTable(
        ['action', 'calls', 'mean call ms', 'attempts', 'mean attempt ms', 'retries', 'rate-limited'],
        [...body, line('total', total)],
      );
    },
    shutdown: () => provider.shutdown(),
  };
}
