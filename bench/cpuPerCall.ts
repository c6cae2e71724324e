/**
 * A developer's tool, not part of `npm run bench`: CPU per call (and calls/s) of some stacks,
 * interleaved over rounds, against the mock server in its own process. For profiling one door:
 * `node --cpu-prof --import tsx bench/cpuPerCall.ts --only zimInterceptor --rounds 1 --window 5000`.
 *
 *   npx tsx bench/cpuPerCall.ts [--rounds 5] [--window 1000] [--concurrency 32] [--only name,...]
 */
import { parseArgs } from 'node:util';
import { MockProcess } from './MockProcess.js';
import { runForDuration } from './runForDuration.js';
import { bareFetch } from './stacks/bareFetch.js';
import { bareUndici } from './stacks/bareUndici.js';
import type { Stack } from './stacks/Stack.js';
import { zimClient } from './stacks/zimClient.js';
import { zimFetch } from './stacks/zimFetch.js';
import { zimUndici } from './stacks/zimUndici.js';
import { median } from './statistics.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    window: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '32' },
    only: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const windowMs = Number(values.window);
const concurrency = Number(values.concurrency);
const only = values.only?.split(',');

const ACTION = 'QueryUserInfos';
const PARAMS = { UserIds: ['bench-user'] };
const mocks = new MockProcess();
try {
  const server = await mocks.start({ limits: { [ACTION]: false } });
  const options = { target: server, action: ACTION, limits: { [ACTION]: false } } as const;
  const all: Stack[] = [
    bareUndici(options),
    zimClient(options),
    zimUndici(options),
    bareFetch(options),
    zimFetch(options),
  ];
  const stacks = only ? all.filter((s) => only.some((o) => s.name.includes(o))) : all;
  const cpu = new Map<string, number[]>(stacks.map((s) => [s.name, []]));
  const rate = new Map<string, number[]>(stacks.map((s) => [s.name, []]));
  for (const stack of stacks) await runForDuration(() => stack.call(PARAMS), concurrency, 0, 500);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? stacks : [...stacks].reverse();
    for (const stack of order) {
      const run = await runForDuration(() => stack.call(PARAMS), concurrency, 100, windowMs);
      if (run.errors > 0) throw new Error(`${stack.name}: ${run.errors} failed`);
      cpu.get(stack.name)!.push(run.cpuUsPerCall);
      rate.get(stack.name)!.push(run.callsPerSecond);
    }
  }
  const f = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
  for (const s of stacks) {
    const c = cpu.get(s.name)!;
    const r = rate.get(s.name)!;
    console.log(
      `${s.name.padEnd(26)} CPU µs/call median ${median(c).toFixed(0).padStart(4)} [${f(c)}]  calls/s median ${median(r).toFixed(0)} [${f(r)}]`,
    );
  }
  // CPU ratios taken within each round (ours / its bare stack), median over rounds
  const pairs: [string, string][] = [
    ['createZimClient', 'bare undici.request'],
    ['zimInterceptor (undici)', 'bare undici.request'],
    ['resilientFetch(fetch)', 'bare fetch'],
  ];
  for (const [a, b] of pairs) {
    const xs = cpu.get(a);
    const ys = cpu.get(b);
    if (!xs || !ys) continue;
    const rs = xs.map((x, i) => x / ys[i]!);
    const sorted = [...rs].sort((p, q) => p - q);
    console.log(
      `${a} / ${b}: CPU ratio median ${median(rs).toFixed(2)} (min ${sorted[0]!.toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)}, ${rs.length} rounds)`,
    );
  }
  for (const s of stacks) await s.close();
  await server.close();
} finally {
  mocks.stop();
}
