import { ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import { type Figure, figure } from './Figure.js';
import type { MockProcess } from './MockProcess.js';
import { noopMeterProvider, noopTracerProvider } from './otelNoop.js';
import { runForDuration } from './runForDuration.js';
import { otelByHand } from './stacks/otelByHand.js';
import type { Stack } from './stacks/Stack.js';
import { zimClientWithTelemetry } from './stacks/zimClient.js';
import { median, quantile } from './statistics.js';

/** Settings of the telemetry section. */
export interface TelemetrySettings {
  readonly rounds: number;
  readonly concurrency: number;
  /** How long each stack runs before any round (JIT, sockets, the SDK's first instruments). */
  readonly warmUpMs: number;
  /** The start of each measured run that is not counted. */
  readonly warmMs: number;
  /** The counted part of each run. */
  readonly windowMs: number;
}

/** Per stack: calls/s and CPU µs per call of every round, in round order. */
export type TelemetryRaw = Record<string, { callsPerSecond: number[]; cpuUsPerCall: number[] }>;

const SECTION = '8. telemetry cost (issue 22)';
const ACTION = 'QueryUserInfos';
const PARAMS = { UserIds: ['bench-user'] };

/**
 * What telemetry costs the client (issue 22), against the mock in its own process: the client with
 * `telemetry: false`, with the default (`@opentelemetry/api` installed, no SDK registered), and
 * with an SDK passed as its own providers (every span sampled, batch span processor, periodic
 * metric reader, exporters that do nothing; nothing registered globally, so the other sections
 * are not affected). Rounds interleaved (forward, then backward), each ratio taken within a round.
 */
export async function telemetry(
  mocks: MockProcess,
  settings: TelemetrySettings,
): Promise<{ figures: Figure[]; raw: TelemetryRaw }> {
  const server = await mocks.start({ limits: { [ACTION]: false } });
  const options = { target: server, action: ACTION, limits: { [ACTION]: false } } as const;
  const tracerProvider = noopTracerProvider();
  const meterProvider = noopMeterProvider();
  const off = zimClientWithTelemetry(false, 'telemetry off')(options);
  const noSdk = zimClientWithTelemetry(undefined, 'no SDK')(options);
  const sdk = zimClientWithTelemetry(
    { tracerProvider, meterProvider },
    'OTel SDK + no-op exporters',
  )(options);
  // one call in ten traced (its metrics are recorded either way)
  const sampledProvider = noopTracerProvider(
    new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(0.1) }),
  );
  const sampled = zimClientWithTelemetry(
    { tracerProvider: sampledProvider, meterProvider },
    'OTel SDK sampling 10%',
  )(options);
  // the floor: the same spans and points made by hand around a client with telemetry off
  const byHand = otelByHand(
    zimClientWithTelemetry(false, 'telemetry off')(options),
    { tracerProvider, meterProvider },
    server.url,
    ACTION,
  );
  const stacks: Stack[] = [off, noSdk, sdk, sampled, byHand];
  const raw: TelemetryRaw = {};
  /** One run; the SDK's spans still queued are flushed after it, not billed to the next stack. */
  const run = async (stack: Stack, warmMs: number, windowMs: number) => {
    const r = await runForDuration(() => stack.call(PARAMS), settings.concurrency, warmMs, windowMs);
    if (stack !== off && stack !== noSdk)
      await Promise.all([
        tracerProvider.forceFlush(),
        sampledProvider.forceFlush(),
        meterProvider.forceFlush(),
      ]);
    return r;
  };
  try {
    for (const stack of stacks) {
      raw[stack.name] = { callsPerSecond: [], cpuUsPerCall: [] };
      await run(stack, 0, settings.warmUpMs);
    }
    for (let round = 0; round < settings.rounds; round++) {
      const order = round % 2 === 0 ? stacks : [...stacks].reverse();
      for (const stack of order) {
        const r = await run(stack, settings.warmMs, settings.windowMs);
        if (r.errors > 0) throw new Error(`${stack.name}: ${r.errors} calls failed on the success path`);
        raw[stack.name]!.callsPerSecond.push(r.callsPerSecond);
        raw[stack.name]!.cpuUsPerCall.push(r.cpuUsPerCall);
      }
    }
  } finally {
    for (const stack of stacks) await stack.close();
    await tracerProvider.shutdown();
    await sampledProvider.shutdown();
    await meterProvider.shutdown();
    await server.close();
  }

  const c = settings.concurrency;
  const rounds = (xs: readonly number[], digits: number) =>
    `rounds ${xs.map((x) => x.toFixed(digits)).join(' ')} (min ${quantile(xs, 0).toFixed(digits)}, ` +
    `median ${median(xs).toFixed(digits)}, max ${quantile(xs, 1).toFixed(digits)})`;
  const perRound = (a: Stack, b: Stack, key: 'callsPerSecond' | 'cpuUsPerCall') =>
    raw[a.name]![key].map((x, i) => x / raw[b.name]![key][i]!);
  const rate = (s: Stack) => median(raw[s.name]!.callsPerSecond).toFixed(0);

  const figures: Figure[] = [];
  const ratios: [Stack, string, number | undefined][] = [
    [sdk, 'OTel SDK + no-op exporters', 0.97],
    [noSdk, 'no SDK', 0.99],
    [sampled, 'OTel SDK sampling 10%', undefined],
  ];
  for (const [stack, label, target] of ratios) {
    const rs = perRound(stack, off, 'callsPerSecond');
    figures.push(
      figure(
        SECTION,
        `client, ${label} / telemetry off, concurrency ${c}`,
        median(rs),
        'x',
        target === undefined ? undefined : { op: '>=', value: target },
        `${rate(stack)} vs ${rate(off)} calls/s; ${rounds(rs, 3)}`,
      ),
    );
  }
  const floor = perRound(byHand, off, 'callsPerSecond');
  figures.push(
    figure(
      SECTION,
      `client, the same spans and points by hand (the SDK's floor) / telemetry off, concurrency ${c}`,
      median(floor),
      'x',
      undefined,
      `${rate(byHand)} vs ${rate(off)} calls/s; ${rounds(floor, 3)}`,
    ),
  );
  const ours = perRound(sdk, byHand, 'callsPerSecond');
  figures.push(
    figure(
      SECTION,
      `client, OTel SDK + no-op exporters / the same by hand, concurrency ${c}`,
      median(ours),
      'x',
      undefined,
      `what our layer costs above the SDK's own; ${rounds(ours, 3)}`,
    ),
  );
  const cpus: [Stack, string][] = [
    [off, 'telemetry off'],
    [noSdk, 'no SDK'],
    [sdk, 'OTel SDK + no-op exporters'],
    [sampled, 'OTel SDK sampling 10%'],
    [byHand, 'spans and points by hand'],
  ];
  for (const [stack, label] of cpus) {
    const us = raw[stack.name]!.cpuUsPerCall;
    const vsOff =
      stack === off
        ? ''
        : `; ${median(perRound(stack, off, 'cpuUsPerCall')).toFixed(2)}x off's (median round)`;
    figures.push(
      figure(
        SECTION,
        `client CPU per call, ${label}, concurrency ${c}`,
        median(us),
        'µs',
        undefined,
        `µs of this process per call; ${rounds(us, 1)}${vsOff}`,
      ),
    );
  }
  return { figures, raw };
}
