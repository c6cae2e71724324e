import { type Figure, figure } from './Figure.js';
import type { MockProcess } from './MockProcess.js';
import { runForDuration } from './runForDuration.js';
import { bareFetch } from './stacks/bareFetch.js';
import { bareUndici } from './stacks/bareUndici.js';
import { handMade } from './stacks/handMade.js';
import { retryAgent } from './stacks/retryAgent.js';
import type { Stack } from './stacks/Stack.js';
import { zimClient } from './stacks/zimClient.js';
import { zimFetch } from './stacks/zimFetch.js';
import { zimUndici } from './stacks/zimUndici.js';
import { median } from './statistics.js';

/** Settings of the throughput section. */
export interface ThroughputSettings {
  readonly rounds: number;
  readonly concurrencies: readonly number[];
  /** How long each stack runs, per concurrency, before any round (JIT, sockets). */
  readonly warmUpMs: number;
  /** The start of each measured run that is not counted (sockets closed while idle reopen). */
  readonly warmMs: number;
  /** The counted part of each run. */
  readonly windowMs: number;
}

/** Per stack and concurrency: calls/s and CPU µs per call of every round, in round order. */
export type ThroughputRaw = Record<
  string,
  Record<number, { callsPerSecond: number[]; cpuUsPerCall: number[] }>
>;

const SECTION = '1. success-path throughput';
const ACTION = 'QueryUserInfos';
const PARAMS = { UserIds: ['bench-user'] };

/**
 * Success-path throughput on an action without a limit (on both sides): every stack for a fixed
 * window per round, rounds interleaved (forward, then backward), each ratio taken within a
 * round and the median of the rounds reported.
 */
export async function throughput(
  mocks: MockProcess,
  settings: ThroughputSettings,
): Promise<{ figures: Figure[]; raw: ThroughputRaw }> {
  const server = await mocks.start({ limits: { [ACTION]: false } });
  const options = { target: server, action: ACTION, limits: { [ACTION]: false } } as const;
  const stacks: Stack[] = [
    bareUndici(options),
    bareFetch(options),
    zimClient(options),
    zimUndici(options),
    zimFetch(options),
    handMade({}, '(default settings)')(options),
    retryAgent(options),
  ];
  const raw: ThroughputRaw = {};
  for (const stack of stacks) raw[stack.name] = {};
  for (const concurrency of settings.concurrencies) {
    for (const stack of stacks) {
      raw[stack.name]![concurrency] = { callsPerSecond: [], cpuUsPerCall: [] };
      await runForDuration(() => stack.call(PARAMS), concurrency, 0, settings.warmUpMs);
    }
    for (let round = 0; round < settings.rounds; round++) {
      const order = round % 2 === 0 ? stacks : [...stacks].reverse();
      for (const stack of order) {
        const run = await runForDuration(
          () => stack.call(PARAMS),
          concurrency,
          settings.warmMs,
          settings.windowMs,
        );
        if (run.errors > 0) throw new Error(`${stack.name}: ${run.errors} calls failed on the success path`);
        raw[stack.name]![concurrency]!.callsPerSecond.push(run.callsPerSecond);
        raw[stack.name]![concurrency]!.cpuUsPerCall.push(run.cpuUsPerCall);
      }
    }
  }
  for (const stack of stacks) await stack.close();
  await server.close();

  const figures: Figure[] = [];
  const ratio = (a: string, b: string, c: number, key: 'callsPerSecond' | 'cpuUsPerCall') => {
    const xs = raw[a]![c]![key];
    const ys = raw[b]![c]![key];
    return xs.map((x, i) => x / ys[i]!);
  };
  const spread = (rs: number[]) => `rounds ${rs.map((r) => r.toFixed(2)).join(' ')}`;
  const rate = (name: string, c: number) => median(raw[name]![c]!.callsPerSecond);
  for (const c of settings.concurrencies) {
    // the client's target is the design's (0.95); the wrapping doors' is issue 31's (0.93)
    const rows: [string, string, string, number | undefined][] = [
      ['createZimClient', 'bare undici.request', 'client / bare undici', 0.95],
      ['zimInterceptor (undici)', 'bare undici.request', 'zimInterceptor / bare undici', 0.93],
      ['resilientFetch(fetch)', 'bare fetch', 'resilientFetch / bare fetch', 0.93],
      ['resilientFetch(fetch)', 'bare undici.request', 'resilientFetch / bare undici', undefined],
      ['bare fetch', 'bare undici.request', 'bare fetch / bare undici', undefined],
      [
        'p-retry+Bottleneck (default settings)',
        'bare undici.request',
        'p-retry+Bottleneck+fetch / bare undici',
        undefined,
      ],
      ['undici RetryAgent', 'bare undici.request', 'undici RetryAgent / bare undici', undefined],
    ];
    for (const [a, b, label, target] of rows) {
      const rs = ratio(a, b, c, 'callsPerSecond');
      figures.push(
        figure(
          SECTION,
          `${label}, concurrency ${c}`,
          median(rs),
          'x',
          target === undefined ? undefined : { op: '>=', value: target },
          `${rate(a, c).toFixed(0)} vs ${rate(b, c).toFixed(0)} calls/s; ${spread(rs)}`,
        ),
      );
    }
    const cpuRows: [string, string, string][] = [
      ['createZimClient', 'bare undici.request', 'client'],
      ['zimInterceptor (undici)', 'bare undici.request', 'zimInterceptor'],
      ['resilientFetch(fetch)', 'bare fetch', 'resilientFetch (vs bare fetch)'],
    ];
    for (const [a, b, label] of cpuRows) {
      const cpu = ratio(a, b, c, 'cpuUsPerCall');
      const us = (name: string) => median(raw[name]![c]!.cpuUsPerCall).toFixed(0);
      figures.push(
        figure(
          SECTION,
          `${label}: CPU per call / bare's, concurrency ${c}`,
          median(cpu),
          'x',
          undefined,
          `${us(a)} vs ${us(b)} µs of this process per call; ${spread(cpu)}`,
        ),
      );
    }
  }
  return { figures, raw };
}
