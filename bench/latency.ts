import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Figure, figure } from './Figure.js';
import type { MockProcess } from './MockProcess.js';
import { bareFetch } from './stacks/bareFetch.js';
import { bareUndici } from './stacks/bareUndici.js';
import type { Stack } from './stacks/Stack.js';
import { zimClient } from './stacks/zimClient.js';
import { zimFetch } from './stacks/zimFetch.js';
import { zimUndici } from './stacks/zimUndici.js';
import { median, quantile } from './statistics.js';

/** Settings of the latency section. */
export interface LatencySettings {
  /** Ticks measured (each stack makes one call per tick). */
  readonly ticks: number;
  /** Ticks before those, not measured. */
  readonly warmTicks: number;
  /** Time between ticks: 100 ms is 10 calls/s per stack. */
  readonly tickMs: number;
}

/** Per stack, the latency of each measured tick, in ms. */
export type LatencyRaw = Record<string, number[]>;

const SECTION = '2. latency added below the limit';
const ACTION = 'UserRegister'; // 20/s, the client's default limit

/**
 * Latency added on a throttled action (UserRegister, 20/s on our side) called at 10/s: on each
 * tick every stack makes one call, one after the other in an order that rotates, so each of ours
 * is paired with a bare call made within the same few milliseconds. The server's own limit is
 * off, since it sees every stack's calls together.
 */
export async function latency(
  mocks: MockProcess,
  settings: LatencySettings,
): Promise<{ figures: Figure[]; raw: LatencyRaw }> {
  const server = await mocks.start({ limits: { [ACTION]: false } });
  const options = { target: server, action: ACTION } as const;
  const stacks: Stack[] = [
    bareUndici(options),
    zimClient(options),
    zimUndici(options),
    bareFetch(options),
    zimFetch(options),
  ];
  const raw: LatencyRaw = Object.fromEntries(stacks.map((s) => [s.name, []]));
  const start = performance.now();
  for (let tick = 0; tick < settings.warmTicks + settings.ticks; tick++) {
    const wait = start + tick * settings.tickMs - performance.now();
    if (wait > 0) await sleep(wait);
    const shift = tick % stacks.length;
    const order = [...stacks.slice(shift), ...stacks.slice(0, shift)];
    for (const stack of order) {
      const params = { UserInfo: [{ UserId: `lat-${tick}`, UserName: 'Bench' }] };
      const t0 = performance.now();
      await stack.call(params);
      const ms = performance.now() - t0;
      if (tick >= settings.warmTicks) raw[stack.name]!.push(ms);
    }
  }
  for (const stack of stacks) await stack.close();
  await server.close();

  const figures: Figure[] = [];
  const added = (ours: string, bare: string) => {
    const diffs = raw[ours]!.map((ms, i) => ms - raw[bare]![i]!);
    const detail = `${ours} ${median(raw[ours]!).toFixed(2)} ms vs ${bare} ${median(raw[bare]!).toFixed(2)} ms (medians)`;
    return { diffs, detail };
  };
  const rows: [string, string, string][] = [
    ['createZimClient', 'bare undici.request', 'client'],
    ['zimInterceptor (undici)', 'bare undici.request', 'zimInterceptor'],
    ['resilientFetch(fetch)', 'bare fetch', 'resilientFetch (vs bare fetch)'],
  ];
  for (const [ours, bare, label] of rows) {
    const { diffs, detail } = added(ours, bare);
    figures.push(
      figure(SECTION, `${label}: added latency, median`, median(diffs), 'ms', { op: '<=', value: 1 }, detail),
      figure(
        SECTION,
        `${label}: added latency, p99`,
        quantile(diffs, 0.99),
        'ms',
        undefined,
        `p99 ${quantile(raw[ours]!, 0.99).toFixed(2)} vs ${quantile(raw[bare]!, 0.99).toFixed(2)} ms; ${diffs.length} pairs`,
      ),
    );
  }
  return { figures, raw };
}
