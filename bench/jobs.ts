/**
 * Section 7 of `npm run bench` (issue 20): whole jobs against the mock, each against the
 * physical minimum its limit sets. N calls at R per sliding second cannot span less than
 * floor((N - 1) / R) seconds from the first arrival to the last (R at once, R a second later,
 * ...). Figures: that span at the server over the minimum (target <= 1.1) and the server's
 * refusals (target 0), for a batch of 10,000 UserRegister users (100 calls at 20/s: 4 s), a walk
 * of 25,000 members at the default Limit (1000: 25 calls, 1 s) and at Limit 100 (250 calls: 12 s).
 *
 * Checkpointed batches (issue 30, file store `{ key, dir }`): the same batch with and without
 * `checkpoint` in interleaved rounds (span over the minimum for each; the job's time checkpointed /
 * plain, target <= 1.03), and a batch aborted after about half its chunks settled, then run again
 * with the same key: the second run's span over the minimum for the calls it sent (target <= 1.1)
 * and those calls against the chunks left unsettled.
 *
 * Alone: `npx tsx bench/jobs.ts [--quick]` (builds nothing: run `npm run build` first).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Figure, figure } from './Figure.js';
import { MockProcess, type RemoteMock } from './MockProcess.js';
import { pkg } from './pkg.js';

/** Settings of the jobs section. */
export interface JobsSettings {
  readonly rounds: number;
  /** Users registered by the batch. */
  readonly batchUsers: number;
  /** Members of the walked group (the owner included). */
  readonly members: number;
  /** The small page size of the limit-bound walk. */
  readonly smallLimit: number;
}

const SECTION = '7. jobs (issue 20)';

/** The least span from the first arrival to the last of `calls` calls at `perSecond` in sliding seconds, ms. */
function minimumSpanMs(calls: number, perSecond: number): number {
  return Math.floor((calls - 1) / perSecond) * 1000;
}

interface Round {
  readonly calls: number;
  readonly rejected: number;
  readonly maxInAnySecond: number;
  /** First arrival to last, at the server, ms. */
  readonly spanMs: number;
  /** The job's own time, from the call to its result, ms. */
  readonly wallMs: number;
  readonly items: number;
}

async function measure(server: RemoteMock, action: string, job: () => Promise<number>): Promise<Round> {
  await server.resetStats();
  const t0 = performance.now();
  const items = await job();
  const wallMs = performance.now() - t0;
  const s = await server.stats(action);
  const ts = s.timestamps;
  return {
    calls: s.arrivals,
    rejected: s.rejected,
    maxInAnySecond: s.maxInAnySecond,
    spanMs: (ts.at(-1) ?? 0) - (ts[0] ?? 0),
    wallMs,
    items,
  };
}

function figuresOf(label: string, perSecond: number, rounds: readonly Round[]): Figure[] {
  const ratios = rounds.map((r) => {
    const min = minimumSpanMs(r.calls, perSecond);
    return min === 0 ? Number.NaN : r.spanMs / min;
  });
  const sorted = [...ratios].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const r0 = rounds[0]!;
  const min = minimumSpanMs(r0.calls, perSecond);
  const detail = `${r0.calls} calls, ${r0.items} items; span ${rounds.map((r) => (r.spanMs / 1000).toFixed(2)).join(', ')} s (min ${(min / 1000).toFixed(0)} s); wall ${rounds.map((r) => (r.wallMs / 1000).toFixed(2)).join(', ')} s; ratios ${ratios.map((x) => x.toFixed(3)).join(', ')}; most in a sliding second ${Math.max(...rounds.map((r) => r.maxInAnySecond))}`;
  return [
    figure(
      SECTION,
      `${label}: span at the server / minimum at ${perSecond}/s`,
      median,
      'x',
      Number.isNaN(median) ? undefined : { op: '<=', value: 1.1 },
      detail,
    ),
    figure(
      SECTION,
      `${label}: server refusals (most over the rounds)`,
      Math.max(...rounds.map((r) => r.rejected)),
      'count',
      { op: '<=', value: 0 },
      rounds.map((r) => r.rejected).join(', '),
    ),
  ];
}

function spread(xs: readonly number[], digits: number): { median: number; text: string } {
  const sorted = [...xs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return {
    median,
    text: `median ${median.toFixed(digits)}, min-max ${sorted[0]?.toFixed(digits)}-${sorted.at(-1)?.toFixed(digits)} over ${xs.length} rounds`,
  };
}

function checkpointFigures(
  n: string,
  plain: readonly Round[],
  ckpt: readonly Round[],
  resumed: readonly Round[],
  left: readonly number[],
): Figure[] {
  const cost = spread(
    ckpt.map((c, i) => c.wallMs / plain[i]!.wallMs),
    3,
  );
  const sent = resumed.map((r, i) => `${r.calls}/${left[i]}`).join(', ');
  return [
    ...figuresOf(`zim.batch UserRegister, ${n} users, no checkpoint (interleaved)`, 20, plain),
    ...figuresOf(`zim.batch UserRegister, ${n} users, checkpoint (file store)`, 20, ckpt),
    figure(
      SECTION,
      `zim.batch checkpoint cost: job time checkpointed / plain, ${n} users`,
      cost.median,
      'x',
      { op: '<=', value: 1.03 },
      `${cost.text}; wall plain ${plain.map((r) => (r.wallMs / 1000).toFixed(2)).join(', ')} s, checkpointed ${ckpt.map((r) => (r.wallMs / 1000).toFixed(2)).join(', ')} s`,
    ),
    ...figuresOf(`zim.batch resumed after an abort at ~half, ${n} users: remaining`, 20, resumed),
    figure(
      SECTION,
      `zim.batch resumed: calls sent / chunks left unsettled (most over the rounds)`,
      Math.max(...resumed.map((r, i) => r.calls / left[i]!)),
      'x',
      undefined,
      `sent/left ${sent}; items answered ${resumed.map((r) => r.items).join(', ')}`,
    ),
  ];
}

/** Registers `batchUsers` users with zim.batch, walks a group of `members` twice, `rounds` times each. */
export async function jobs(
  mocks: MockProcess,
  settings: JobsSettings,
): Promise<{ figures: Figure[]; raw: unknown }> {
  const memberIds = Array.from({ length: settings.members - 1 }, (_, i) => `m${i}`);
  const setup = { CreateGroup: false, InviteUsersIntoGroup: false } as const;
  const server = await mocks.start({ users: ['owner', ...memberIds], limits: setup });
  const zim = pkg.createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    limits: setup,
  });
  try {
    await zim.call('CreateGroup', { GroupId: 'big', GroupOwner: 'owner', UserId: [] });
    await zim.batch('InviteUsersIntoGroup', {
      FromUserId: 'owner',
      GroupId: 'big',
      UserIds: memberIds,
      GroupMemberInfos: [],
    });
    const batch: Round[] = [];
    const walk: Round[] = [];
    const smallWalk: Round[] = [];
    for (let round = 0; round < settings.rounds; round++) {
      const users = Array.from({ length: settings.batchUsers }, (_, i) => ({
        UserId: `r${round}-${i}`,
        UserName: 'U',
      }));
      batch.push(
        await measure(server, 'UserRegister', async () => {
          const r = await zim.batch('UserRegister', { UserInfo: users });
          return settings.batchUsers - (r.ErrorList?.length ?? 0) - r.failed.length;
        }),
      );
      walk.push(
        await measure(
          server,
          'QueryGroupMemberList',
          async () => (await zim.paginate('QueryGroupMemberList', { GroupId: 'big' })).length,
        ),
      );
      smallWalk.push(
        await measure(
          server,
          'QueryGroupMemberList',
          async () =>
            (await zim.paginate('QueryGroupMemberList', { GroupId: 'big', Limit: settings.smallLimit }))
              .length,
        ),
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'zim-bench-ckpt-'));
    const plain: Round[] = [];
    const ckpt: Round[] = [];
    const resumed: Round[] = [];
    const left: number[] = [];
    try {
      for (let round = 0; round < settings.rounds; round++) {
        const usersOf = (tag: string) =>
          Array.from({ length: settings.batchUsers }, (_, i) => ({
            UserId: `${tag}${round}-${i}`,
            UserName: 'U',
          }));
        const plainUsers = usersOf('p');
        const ckptUsers = usersOf('c');
        const runPlain = () =>
          measure(server, 'UserRegister', async () => {
            const r = await zim.batch('UserRegister', { UserInfo: plainUsers });
            return settings.batchUsers - (r.ErrorList?.length ?? 0) - r.failed.length;
          });
        const runCkpt = () =>
          measure(server, 'UserRegister', async () => {
            const r = await zim.batch(
              'UserRegister',
              { UserInfo: ckptUsers },
              { checkpoint: { key: `c${round}`, dir } },
            );
            return settings.batchUsers - (r.ErrorList?.length ?? 0) - r.failed.length;
          });
        // The limiter's sliding second from the job before would otherwise delay whichever runs next.
        const settle = () => new Promise((resolve) => setTimeout(resolve, 1100));
        // Interleaved, and the order alternates so neither always goes first.
        if (round % 2 === 0) {
          await settle();
          plain.push(await runPlain());
          await settle();
          ckpt.push(await runCkpt());
        } else {
          await settle();
          ckpt.push(await runCkpt());
          await settle();
          plain.push(await runPlain());
        }
        // Stopped part-way, then resumed with the same key.
        const stopUsers = usersOf('s');
        const key = `s${round}`;
        const chunks = Math.ceil(settings.batchUsers / 100);
        const controller = new AbortController();
        let settled = 0;
        await zim
          .batch(
            'UserRegister',
            { UserInfo: stopUsers },
            {
              checkpoint: { key, dir },
              signal: controller.signal,
              onProgress: ({ done }) => {
                settled = Math.ceil(done / 100);
                if (settled >= chunks / 2) controller.abort();
              },
            },
          )
          .catch((error: unknown) => {
            if (!controller.signal.aborted) throw error;
          });
        left.push(chunks - settled);
        await settle();
        resumed.push(
          await measure(server, 'UserRegister', async () => {
            const r = await zim.batch('UserRegister', { UserInfo: stopUsers }, { checkpoint: { key, dir } });
            return settings.batchUsers - (r.ErrorList?.length ?? 0) - r.failed.length;
          }),
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const n = settings.batchUsers.toLocaleString('en');
    const m = settings.members.toLocaleString('en');
    return {
      figures: [
        ...figuresOf(`zim.batch UserRegister, ${n} users`, 20, batch),
        ...figuresOf(`zim.paginate QueryGroupMemberList, ${m} members, Limit 1000 (default)`, 20, walk),
        ...figuresOf(
          `zim.paginate QueryGroupMemberList, ${m} members, Limit ${settings.smallLimit}`,
          20,
          smallWalk,
        ),
        ...checkpointFigures(n, plain, ckpt, resumed, left),
      ],
      raw: { batch, walk, smallWalk, plain, ckpt, resumed, left },
    };
  } finally {
    await zim.close();
    await server.close();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').at(-1)!);
if (isMain) {
  const quick = process.argv.includes('--quick');
  const mocks = new MockProcess();
  try {
    const { figures } = await jobs(
      mocks,
      quick
        ? { rounds: 1, batchUsers: 1000, members: 2500, smallLimit: 100 }
        : { rounds: 3, batchUsers: 10_000, members: 25_000, smallLimit: 100 },
    );
    for (const f of figures)
      console.log(
        `${f.name}: ${Number.isNaN(f.measured) ? '-' : f.measured.toFixed(3)} ${f.unit} ${f.met === undefined ? '' : f.met ? '(met)' : '(missed)'}\n  ${f.detail}`,
      );
  } finally {
    mocks.stop();
  }
}
