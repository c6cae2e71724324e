import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Figure, figure } from './Figure.js';
import type { MockProcess } from './MockProcess.js';
import type { ScaleJob, ScaleResult } from './scaleMain.js';

/** Settings of the scale section. */
export interface ScaleSettings {
  readonly queued: number;
  readonly enqueueBudgetMs: number;
  readonly settleBudgetMs: number;
  readonly groups: number;
  readonly idleWaitMs: number;
}

const SECTION = '4. scale';

/**
 * Scale, once, in a child process of its own with `--expose-gc`: memory with `queued` calls
 * waiting on a 1/s action, every one of them settled by `close()`; then `groups` group-scoped
 * limiters (InviteUsersIntoGroup, one call per GroupId), alive after the calls and freed once idle.
 */
export async function scale(
  mocks: MockProcess,
  settings: ScaleSettings,
): Promise<{ figures: Figure[]; raw: ScaleResult }> {
  // no CreateGroup limit, so the client-groups part can make its 10,000 groups first; u0 and u registered
  const server = await mocks.start({ limits: { CreateGroup: false }, users: ['u0', 'u'] });
  const child = fork(fileURLToPath(new URL('./scaleMain.ts', import.meta.url)), {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const job: ScaleJob = { target: server, ...settings };
  const raw = await new Promise<ScaleResult>((resolve, reject) => {
    child.once('message', (m) => resolve(m as ScaleResult));
    child.once('exit', (code) => reject(new Error(`the scale process exited with ${code}`)));
    child.send(job);
  });
  await server.close();

  const { queue: q, engineGroups: e, clientGroups: c } = raw;
  const mem = (m: { heapMB: number; rssMB: number }) =>
    `heap ${m.heapMB.toFixed(1)} MB, RSS ${m.rssMB.toFixed(1)} MB`;
  const complete = q.calls === q.wanted;
  const gc = raw.gcExposed ? '' : ' (no --expose-gc: rough)';
  return {
    figures: [
      figure(
        SECTION,
        `memory with ${q.wanted.toLocaleString('en')} queued calls (RSS growth${complete ? '' : ', projected'})`,
        (q.growth.rssMB / q.calls) * q.wanted,
        'MB',
        { op: '<=', value: 100 },
        `${complete ? '' : `only ${q.calls.toLocaleString('en')} queued within the ${settings.enqueueBudgetMs / 1000} s enqueue budget, projected linearly; `}${mem(q.growth)}; ${((q.growth.heapMB * 1024 * 1024) / q.calls).toFixed(0)} B heap per call${gc}`,
      ),
      figure(
        SECTION,
        `time to enqueue the last 1,000 / the first 1,000 calls`,
        q.lastThousandMs / q.firstThousandMs,
        'x',
        undefined,
        `${q.firstThousandMs.toFixed(0)} ms, then ${q.lastThousandMs.toFixed(0)} ms; ${q.calls.toLocaleString('en')} in ${(q.enqueueMs / 1000).toFixed(1)} s`,
      ),
      figure(
        SECTION,
        `calls left unsettled after close()`,
        q.unsettled,
        'count',
        { op: '<=', value: 0 },
        `${q.closedErrors} ZimClosedError, ${q.fulfilled} fulfilled, ${q.otherErrors} other, in ${(q.settleMs / 1000).toFixed(1)} s (budget ${settings.settleBudgetMs / 1000} s)`,
      ),
      figure(
        SECTION,
        `${e.groups.toLocaleString('en')} group limiters: alive after the calls (engine)`,
        e.liveAfterCalls,
        'count',
        undefined,
        `${mem(e.growthAfterCalls)}`,
      ),
      figure(
        SECTION,
        `${e.groups.toLocaleString('en')} group limiters: alive after ${settings.idleWaitMs} ms idle (engine)`,
        e.liveAfterIdle,
        'count',
        { op: '<=', value: 0 },
        `${mem(e.growthAfterIdle)} over the baseline`,
      ),
      figure(
        SECTION,
        `${c.groups.toLocaleString('en')} groups through the client: heap growth after the calls`,
        c.growthAfterCalls.heapMB,
        'MB',
        undefined,
        `${mem(c.growthAfterCalls)}; ${c.created.toLocaleString('en')} groups made first; ${c.failed} invitations failed${c.failed > 0 ? ` (${JSON.stringify(c.failures)})` : ''}`,
      ),
      figure(
        SECTION,
        `${c.groups.toLocaleString('en')} groups through the client: heap growth after ${settings.idleWaitMs} ms idle`,
        c.growthAfterIdle.heapMB,
        'MB',
        undefined,
        mem(c.growthAfterIdle),
      ),
    ],
    raw,
  };
}
