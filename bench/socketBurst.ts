/**
 * `npx tsx bench/socketBurst.ts [rounds]`: a burst of 5,000 QueryUserInfos at once through
 * createZimClient (no limit on either side) against the mock (in a process of its own), with the
 * client's capped Agent (maxConnections 128, the default), against the same 5,000 sent 32 at a time,
 * and against no cap (what the client did before issue 29): time and sockets opened (counted on
 * `undici:client:connected`), side by side in each round, the order rotated. Prints the ratio to
 * the 32-in-flight run: median and min-max over the rounds.
 */
import { subscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import { createZimClient } from '../src/index.js';
import { MockProcess } from './MockProcess.js';
import { median } from './statistics.js';

const CALLS = 5000;
const rounds = Number(process.argv[2] ?? 5);
let sockets = 0;
subscribe('undici:client:connected', () => sockets++);

const mocks = new MockProcess();
const server = await mocks.start({ limits: { QueryUserInfos: false } });

type Run = { name: string; maxConnections: number; inFlight: number };
const RUNS: Run[] = [
  { name: 'capped (128), 5,000 at once', maxConnections: 128, inFlight: CALLS },
  { name: '32 in flight', maxConnections: 128, inFlight: 32 },
  { name: 'no cap, 5,000 at once', maxConnections: Number.POSITIVE_INFINITY, inFlight: CALLS },
];

async function once(run: Run): Promise<{ ms: number; sockets: number; failed: number }> {
  const zim = createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    limits: { QueryUserInfos: false },
    maxConnections: run.maxConnections,
  });
  sockets = 0;
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < CALLS) {
      next++;
      await zim.call('QueryUserInfos', { UserIds: ['u1'] }).catch(() => failed++);
    }
  };
  await Promise.all(Array.from({ length: run.inFlight }, worker));
  const ms = performance.now() - t0;
  const opened = sockets;
  await zim.close();
  return { ms, sockets: opened, failed };
}

const seen = new Map<string, { ms: number[]; sockets: number[]; failed: number[] }>(
  RUNS.map((r) => [r.name, { ms: [], sockets: [], failed: [] }]),
);
await once(RUNS[1]!); // warm-up
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < RUNS.length; i++) {
    const run = RUNS[(i + round) % RUNS.length]!;
    const r = await once(run);
    const s = seen.get(run.name)!;
    s.ms.push(r.ms);
    s.sockets.push(r.sockets);
    s.failed.push(r.failed);
  }
}
const base = seen.get('32 in flight')!.ms;
const fmt = (v: number[]) =>
  `${median(v).toFixed(2)} (${Math.min(...v).toFixed(2)}-${Math.max(...v).toFixed(2)})`;
for (const [name, s] of seen) {
  const ratios = s.ms.map((ms, i) => ms / base[i]!);
  console.log(
    `${name.padEnd(30)} ${Math.round(median(s.ms))} ms (${Math.round(Math.min(...s.ms))}-${Math.round(Math.max(...s.ms))}), ` +
      `x32-in-flight ${fmt(ratios)}, sockets ${Math.max(...s.sockets)} at most, failed ${Math.max(...s.failed)} at most`,
  );
}
await server.close();
mocks.stop();
