/**
 * Section 9 of `npm run bench` (issue 32): demand above the limit, against the mock.
 * - priorities: for `seconds`, twice UserRegister's 20/s is offered (a call every 25 ms), one in
 *   ten at priority 1: the high-priority calls' wait (p50, p99; goal p99 <= 1.1 s, the next free
 *   slot), the server's arrivals against the limit (goal >= 99%), its refusals (goal 0); and the
 *   same offer through Bottleneck 2 with its priorities (0 before 5, `minTime: 50`) as the anchor;
 * - adaptive: the server at 10/s, the client told 20/s, `adaptiveCalls` calls: refusals, and the
 *   time against the floor (calls / 10 s);
 * - maxQueueWaitMs: with 200 calls queued, how long a refusal takes to come (median, max).
 *
 * Alone: `npx tsx bench/overload.ts [--quick]` (builds nothing: run `npm run build` first).
 */
import { performance } from 'node:perf_hooks';
import Bottleneck from 'bottleneck';
import { type Figure, figure } from './Figure.js';
import { MockProcess } from './MockProcess.js';
import { pkg } from './pkg.js';
import { median, quantile } from './statistics.js';

/** Settings of the overload section. */
export interface OverloadSettings {
  /** How long twice the limit is offered, per stack. */
  readonly seconds: number;
  /** Calls of the adaptive case. */
  readonly adaptiveCalls: number;
}

const SECTION = '9. overload (issue 32)';
const LIMIT = 20;

interface Offered {
  readonly highWaits: number[];
  readonly arrivals: number;
  readonly rejected: number;
  readonly seconds: number;
}

let n = 0;
const user = () => ({ UserInfo: [{ UserId: `b${n++}`, UserName: 'B' }] });

/** Offers 2x the limit for `seconds`, 10% at high priority, through `send`; what the server saw. */
async function offer(
  seconds: number,
  send: (high: boolean) => Promise<unknown>,
  close: () => Promise<void>,
  server: Awaited<ReturnType<MockProcess['start']>>,
): Promise<Offered> {
  await server.resetStats();
  const highWaits: number[] = [];
  const pending: Promise<unknown>[] = [];
  const t0 = performance.now();
  for (let i = 0; performance.now() - t0 < seconds * 1000; i++) {
    const high = i % 10 === 0;
    const start = performance.now();
    pending.push(
      send(high).then(
        () => {
          if (high) highWaits.push(performance.now() - start);
        },
        () => {},
      ),
    );
    await new Promise((r) => setTimeout(r, 25));
  }
  const s = await server.stats('UserRegister');
  await close(); // the backlog is not the figure: what the server took while twice the limit was offered
  await Promise.allSettled(pending);
  // whole windows after the first one's burst: arrivals come in bursts as slots free together
  const first = s.timestamps[0] ?? 0;
  const windows = Math.max(1, Math.floor(((s.timestamps.at(-1) ?? 0) - first) / 1000) - 1);
  const from = first + 1000;
  const arrivals = s.timestamps.filter((t) => t >= from && t < from + windows * 1000).length;
  return { highWaits, arrivals, rejected: s.rejected, seconds: windows };
}

export async function overload(
  mocks: MockProcess,
  settings: OverloadSettings,
): Promise<{ figures: Figure[]; raw: unknown }> {
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};

  // 1. priorities: zim-resilience, then Bottleneck
  const server = await mocks.start({});
  const base = { appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url };
  const zim = pkg.createZimClient(base);
  const ours = await offer(
    settings.seconds,
    (high) => zim.call('UserRegister', user(), { priority: high ? 1 : 0 }),
    () => zim.close(),
    server,
  );
  await new Promise((r) => setTimeout(r, 1100));
  // Bottleneck alone keeps the pace: no limiter of ours, and a refusal is not sent again
  const plain = pkg.createZimClient({
    ...base,
    limits: { UserRegister: false },
    maxRequeues: 0,
    retry: { maxAttempts: 1 },
  });
  const bottleneck = new Bottleneck({ maxConcurrent: null, minTime: 1000 / LIMIT });
  const theirs = await offer(
    settings.seconds,
    (high) => bottleneck.schedule({ priority: high ? 0 : 5 }, () => plain.call('UserRegister', user())),
    async () => {
      await bottleneck.stop({ dropWaitingJobs: true });
      await plain.close();
    },
    server,
  );
  for (const [label, r] of [
    ['zim-resilience', ours],
    ['Bottleneck 2 (priorities, minTime 50)', theirs],
  ] as const) {
    const w = r.highWaits;
    const detail = `${w.length} high-priority calls over ${settings.seconds} s; p50 ${Math.round(median(w))} ms, min-max ${Math.round(Math.min(...w))}-${Math.round(Math.max(...w))} ms`;
    const ours = label === 'zim-resilience';
    figures.push(
      figure(
        SECTION,
        `${label}: high-priority wait p99 at 2x the limit`,
        Math.round(quantile(w, 0.99)),
        'ms',
        ours ? { op: '<=', value: 1100 } : undefined,
        detail,
      ),
      figure(
        SECTION,
        `${label}: server arrivals / limit at 2x the limit`,
        Math.round((r.arrivals / r.seconds / LIMIT) * 1000) / 10,
        '%',
        ours ? { op: '>=', value: 99 } : undefined,
        `${r.arrivals} arrivals in the ${r.seconds} whole windows after the first`,
      ),
      figure(
        SECTION,
        `${label}: server refusals at 2x the limit`,
        r.rejected,
        'count',
        ours ? { op: '<=', value: 0 } : undefined,
      ),
    );
  }
  raw['priorities'] = { ours, theirs };
  await server.close();

  // 2. adaptive: the server at 10/s, the client told 20/s
  const slow = await mocks.start({ limits: { UserRegister: { perSecond: 10 } } });
  const adaptive = pkg.createZimClient({
    appId: slow.appId,
    serverSecret: slow.serverSecret,
    baseUrl: slow.url,
  });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: settings.adaptiveCalls }, () => adaptive.call('UserRegister', user())),
  );
  const tookMs = performance.now() - t0;
  await adaptive.close();
  const a = await slow.stats('UserRegister');
  await slow.close();
  const floorMs = (settings.adaptiveCalls / 10) * 1000;
  figures.push(
    figure(
      SECTION,
      `adaptive (server 10/s, told 20/s, ${settings.adaptiveCalls} calls): time / floor`,
      Math.round((tookMs / floorMs) * 1000) / 1000,
      'x',
      { op: '<=', value: 1.15 },
      `${Math.round(tookMs)} ms, floor ${floorMs} ms`,
    ),
    figure(
      SECTION,
      'adaptive: server refusals',
      a.rejected,
      'count',
      { op: '<=', value: 20 },
      `accepted ${a.accepted}`,
    ),
  );
  raw['adaptive'] = { tookMs, rejected: a.rejected, accepted: a.accepted };

  // 3. maxQueueWaitMs: how long a refusal takes with 200 calls queued
  const third = await mocks.start({});
  const bounded = pkg.createZimClient({
    appId: third.appId,
    serverSecret: third.serverSecret,
    baseUrl: third.url,
  });
  const backlog = Array.from({ length: 200 }, () => bounded.call('UserRegister', user()).catch(() => {}));
  const refusals: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    await bounded.call('UserRegister', user(), { maxQueueWaitMs: 1000 }).catch(() => {});
    refusals.push((performance.now() - start) * 1000);
  }
  await bounded.close();
  await Promise.all(backlog);
  await third.close();
  figures.push(
    figure(
      SECTION,
      'maxQueueWaitMs: time to a refusal, 200 queued (median)',
      Math.round(median(refusals)),
      'µs',
      { op: '<=', value: 1000 },
      `min-max ${Math.round(Math.min(...refusals))}-${Math.round(Math.max(...refusals))} µs over 50`,
    ),
  );
  raw['maxQueueWaitMs'] = { refusalsUs: refusals };
  return { figures, raw };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  const mocks = new MockProcess();
  try {
    const { figures } = await overload(
      mocks,
      quick ? { seconds: 5, adaptiveCalls: 60 } : { seconds: 30, adaptiveCalls: 300 },
    );
    for (const f of figures)
      console.log(
        `${f.name}: ${f.measured} ${f.unit} ${f.met === undefined ? '' : f.met ? '(met)' : '(MISSED)'} ${f.detail}`,
      );
  } finally {
    mocks.stop();
  }
}
