// `npm run soak:redis [-- --runs 20 --load 1 --scenarios burst3,burst6,failover,late]`: runs the
// multi-process Redis scenarios of test/redisFleet.test.ts in a loop, with `--load` busy-loop
// processes taking cores away, and prints every run and the spread of each figure. Exits with 1
// when a worker died (its whole stderr is printed) or a run broke the guarantee. Not part of
// `npm test`: it takes minutes.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fleetBurst, fleetFailover, lateRedis } from '../helpers/fleetScenarios.js';
import { RedisServer } from '../helpers/redisServer.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    load: { type: 'string', default: '1' },
    scenarios: { type: 'string', default: 'burst3,burst6,failover,late' },
  },
});
const runs = Number(values.runs);
const scenarios = values.scenarios.split(',');
const busy = Array.from({ length: Number(values.load) }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stopBusy = () => {
  for (const p of busy) p.kill('SIGKILL');
};
process.on('exit', stopBusy);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    stopBusy();
    process.exit(130);
  });

interface Figures {
  rejected: number;
  max: number;
  rate: number;
}
const seen = new Map<string, Figures[]>();
let broken = 0;

async function once(name: string, redis: RedisServer): Promise<Figures> {
  if (name === 'late') {
    const r = await lateRedis(120);
    return { rejected: r.stats.rejected, max: r.stats.maxInAnySecond, rate: r.rate };
  }
  const r =
    name === 'failover'
      ? await fleetFailover(redis, 100)
      : await fleetBurst(redis, Number(name.slice(5)), 40);
  if ('trace' in r && (r.stats.rejected > 0 || r.rate < 18)) console.log(`  ${r.trace}`);
  const failed = r.workers.flatMap((w) => w.failed);
  if (failed.length) throw new Error(`calls failed: ${failed.join('; ')}`);
  return { rejected: r.stats.rejected, max: r.stats.maxInAnySecond, rate: r.rate };
}

const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)]!;
  return `min ${s[0]!.toFixed(2)}, median ${median.toFixed(2)}, max ${s.at(-1)!.toFixed(2)}`;
};

const redis = await RedisServer.start();
try {
  for (let i = 1; i <= runs; i++) {
    for (const name of scenarios) {
      try {
        const f = await once(name, redis);
        const ok = f.rejected === 0 && f.max <= 20 && f.rate >= 18;
        if (!ok) broken++;
        console.log(
          `run ${i} ${name}: ${f.rejected} rejected, max ${f.max} in a sliding second, ${f.rate.toFixed(2)}/s${ok ? '' : '  <-- BROKEN'}`,
        );
        seen.set(name, [...(seen.get(name) ?? []), f]);
      } catch (error) {
        broken++;
        console.log(`run ${i} ${name}: FAILED\n${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
} finally {
  await redis.stop();
  stopBusy();
}
console.log(`\n${runs} runs with ${busy.length} busy-loop process(es):`);
for (const [name, fs] of seen) {
  console.log(
    `${name} (${fs.length} runs): rejected ${spread(fs.map((f) => f.rejected))}; max in a second ${spread(fs.map((f) => f.max))}; rate ${spread(fs.map((f) => f.rate))}/s`,
  );
}
console.log(broken ? `${broken} broken run(s)` : 'no broken run');
process.exitCode = broken ? 1 : 0;
