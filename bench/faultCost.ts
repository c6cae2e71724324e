import { type Figure, figure } from './Figure.js';
import type { MockProcess } from './MockProcess.js';
import { pkg } from './pkg.js';
import { runAll } from './runAll.js';
import { median } from './statistics.js';

/** Settings of the cost-under-faults section. */
export interface FaultCostSettings {
  readonly rounds: number;
  readonly calls: number;
  readonly concurrency: number;
}

/** One scenario's counts in one round. */
export interface FaultRun {
  readonly calls: number;
  readonly succeeded: number;
  readonly arrivals: number;
}

interface Scenario {
  readonly name: string;
  readonly busy: number;
  readonly budget: boolean;
}

const SECTION = '5. cost under faults';
const ACTION = 'QueryUserInfos';
const SCENARIOS: readonly Scenario[] = [
  { name: '10% busy, budget on', busy: 0.1, budget: true },
  { name: '30% busy, budget on', busy: 0.3, budget: true },
  { name: 'all busy, budget on', busy: 1, budget: true },
  { name: 'all busy, budget off', busy: 1, budget: false },
];

/**
 * Attempts per successful call with 10% and 30% of answers `Code: 1` (busy), and the traffic
 * (server arrivals per call) when every answer is busy, with the retry budget on and off. A
 * fresh client per run (the budget is client state); the action has no limit on either side,
 * so only retries shape the traffic. Rounds interleaved, medians reported.
 */
export async function faultCost(
  mocks: MockProcess,
  settings: FaultCostSettings,
): Promise<{ figures: Figure[]; raw: Record<string, FaultRun[]> }> {
  const server = await mocks.start({ limits: { [ACTION]: false }, seed: 6 });
  const raw: Record<string, FaultRun[]> = Object.fromEntries(SCENARIOS.map((s) => [s.name, []]));
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? SCENARIOS : [...SCENARIOS].reverse();
    for (const scenario of order) {
      await server.setFaults({ busy: scenario.busy });
      await server.resetStats();
      const client = pkg.createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        limits: { [ACTION]: false },
        ...(!scenario.budget && { retry: { budget: false } }),
      });
      const results = await runAll(settings.calls, settings.concurrency, () =>
        client.call(ACTION, { UserIds: ['bench-user'] }),
      );
      await client.close();
      const stats = await server.stats(ACTION);
      raw[scenario.name]!.push({
        calls: settings.calls,
        succeeded: results.filter((r) => r.status === 'fulfilled').length,
        arrivals: stats.arrivals,
      });
    }
  }
  await server.close();

  const runs = (name: string) => raw[name]!;
  const detail = (name: string) =>
    runs(name)
      .map((r) => `${r.arrivals} arrivals/${r.succeeded} ok`)
      .join(', ');
  const perSuccess = (name: string) => median(runs(name).map((r) => r.arrivals / r.succeeded));
  const perCall = (name: string) => median(runs(name).map((r) => r.arrivals / r.calls));
  const calls = `${settings.calls} calls`;
  return {
    figures: [
      figure(
        SECTION,
        `attempts per successful call, 10% busy (${calls})`,
        perSuccess('10% busy, budget on'),
        'x',
        undefined,
        detail('10% busy, budget on'),
      ),
      figure(
        SECTION,
        `attempts per successful call, 30% busy (${calls})`,
        perSuccess('30% busy, budget on'),
        'x',
        undefined,
        detail('30% busy, budget on'),
      ),
      figure(
        SECTION,
        `traffic ratio, server failing every call, budget on`,
        perCall('all busy, budget on'),
        'x',
        undefined,
        detail('all busy, budget on'),
      ),
      figure(
        SECTION,
        `traffic ratio, server failing every call, budget off`,
        perCall('all busy, budget off'),
        'x',
        undefined,
        detail('all busy, budget off'),
      ),
    ],
    raw,
  };
}
