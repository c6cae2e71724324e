/**
 * `npm run bench`: the design's performance figures, measured side by side in one run against
 * the mock server (in a process of its own) on loopback. Prints a table, writes
 * `bench/results.json` and `bench/RESULTS.md`. `--quick` runs tiny sizes and writes nothing;
 * `--only telemetry[,jobs...]` runs the sections named (full sizes unless `--quick`) and writes nothing.
 */
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Figure } from './Figure.js';
import { faultCost } from './faultCost.js';
import { fleet } from './fleet.js';
import { jobs } from './jobs.js';
import { latency } from './latency.js';
import { MockProcess } from './MockProcess.js';
import { machine } from './machine.js';
import { overload } from './overload.js';
import { precision } from './precision.js';
import { markdownTable, printTable } from './printTable.js';
import { resultsMarkdown } from './resultsMarkdown.js';
import { scale } from './scale.js';
import { telemetry } from './telemetry.js';
import { throughput } from './throughput.js';
import { collectWarnings } from './warnings.js';

const quick = process.argv.includes('--quick');
const SECTIONS = [
  'throughput',
  'latency',
  'faults',
  'scale',
  'precision',
  'fleet',
  'jobs',
  'telemetry',
  'overload',
];
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? undefined : (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean);
const unknown = only?.filter((name) => !SECTIONS.includes(name));
if (only?.length === 0 || (unknown && unknown.length > 0))
  throw new Error(`--only takes section names, comma-separated, among ${SECTIONS.join(', ')}`);
const warnings = collectWarnings();

const SETTINGS = quick
  ? {
      throughput: { rounds: 2, concurrencies: [32, 256], warmUpMs: 200, warmMs: 50, windowMs: 150 },
      latency: { ticks: 20, warmTicks: 2, tickMs: 100 },
      faults: { rounds: 1, calls: 100, concurrency: 50 },
      scale: { queued: 10_000, enqueueBudgetMs: 5000, settleBudgetMs: 5000, groups: 1000, idleWaitMs: 1500 },
      precision: { callers: 60, slowCallers: 3, handMadeCallers: 60 },
      fleet: { processes: [3, 6], calls: 40, rounds: 1 },
      jobs: { rounds: 1, batchUsers: 1000, members: 2500, smallLimit: 100 },
      telemetry: { rounds: 2, concurrency: 32, warmUpMs: 200, warmMs: 50, windowMs: 150 },
      overload: { seconds: 5, adaptiveCalls: 60 },
    }
  : {
      throughput: { rounds: 5, concurrencies: [32, 256], warmUpMs: 800, warmMs: 100, windowMs: 500 },
      latency: { ticks: 150, warmTicks: 10, tickMs: 100 },
      faults: { rounds: 3, calls: 500, concurrency: 100 },
      scale: {
        queued: 100_000,
        enqueueBudgetMs: 30_000,
        settleBudgetMs: 60_000,
        groups: 10_000,
        idleWaitMs: 1500,
      },
      precision: { callers: 1000, slowCallers: 20, handMadeCallers: 200 },
      fleet: { processes: [3, 6], calls: 40, rounds: 3 },
      jobs: { rounds: 3, batchUsers: 10_000, members: 25_000, smallLimit: 100 },
      telemetry: { rounds: 9, concurrency: 32, warmUpMs: 1000, warmMs: 100, windowMs: 1000 },
      overload: { seconds: 30, adaptiveCalls: 300 },
    };

const info = machine();
console.log(
  `zim-resilience bench: ${info.cpu}, ${info.nproc} CPUs, Node ${info.node}, load ${info.loadAtStart.join(' ')}`,
);
const mocks = new MockProcess();
const figures: Figure[] = [];
const raw: Record<string, unknown> = {};
const seconds: Record<string, number> = {};
const started = performance.now();

async function section<T extends { figures: Figure[]; raw: unknown }>(name: string, run: () => Promise<T>) {
  if (only && !only.includes(name)) return;
  const t0 = performance.now();
  process.stdout.write(`${name}... `);
  const result = await run();
  seconds[name] = Math.round((performance.now() - t0) / 100) / 10;
  console.log(`${seconds[name]} s`);
  figures.push(...result.figures);
  raw[name] = result.raw;
}

try {
  await section('throughput', () => throughput(mocks, SETTINGS.throughput));
  await section('latency', () => latency(mocks, SETTINGS.latency));
  await section('faults', () => faultCost(mocks, SETTINGS.faults));
  await section('scale', () => scale(mocks, SETTINGS.scale));
  await section('precision', () => precision(mocks, SETTINGS.precision));
  await section('fleet', () => fleet(SETTINGS.fleet));
  await section('jobs', () => jobs(mocks, SETTINGS.jobs));
  await section('telemetry', () => telemetry(mocks, SETTINGS.telemetry));
  await section('overload', () => overload(mocks, SETTINGS.overload));
} finally {
  mocks.stop();
}
const totalSeconds = Math.round((performance.now() - started) / 1000);
const loadAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);

printTable(figures);
const missed = figures.filter((f) => f.met === false);
console.log(
  `\n${figures.filter((f) => f.met).length} targets met, ${missed.length} missed; ${totalSeconds} s in all`,
);

const scaleWarnings = (raw['scale'] as { warnings?: string[] } | undefined)?.warnings ?? [];
const warned = [...warnings(), ...scaleWarnings.map((w) => `${w} (scale process)`)];
if (warned.length > 0)
  console.log(`\nprocess warnings during the run:\n${warned.map((w) => `  ${w}`).join('\n')}`);

if (!quick && !only) {
  const results = {
    machine: info,
    settings: SETTINGS,
    seconds: { ...seconds, total: totalSeconds },
    loadAtEnd,
    figures,
    warnings: warned,
    raw,
  };
  const dir = new URL('./', import.meta.url);
  await writeFile(new URL('results.json', dir), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(
    new URL('RESULTS.md', dir),
    resultsMarkdown(info, loadAtEnd, SETTINGS, totalSeconds, markdownTable(figures)),
  );
  console.log('wrote bench/results.json and bench/RESULTS.md');
}
