/**
 * The scale section's child process (run with `--expose-gc`, so memory is measured after full
 * collections, away from the other sections' garbage). Gets a `ScaleJob` over IPC, answers a
 * `ScaleResult`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Target } from './MockProcess.js';
import { growth, type MemorySample, sampleMemory } from './memory.js';
import { createEngine, pkg, resolveOptions } from './pkg.js';
import { runAll } from './runAll.js';
import { collectWarnings } from './warnings.js';

const warnings = collectWarnings();

/** What the parent asks. */
export interface ScaleJob {
  readonly target: Target;
  readonly queued: number;
  /** Enqueuing stops early once this is spent (it grows with the queue when adding a call is O(queue)). */
  readonly enqueueBudgetMs: number;
  /** How long `close()` gets to settle every call. */
  readonly settleBudgetMs: number;
  readonly groups: number;
  readonly idleWaitMs: number;
}

/** What the child measured. */
export interface ScaleResult {
  readonly gcExposed: boolean;
  /** Process warnings, each once with its count. */
  readonly warnings: string[];
  readonly queue: {
    /** Calls asked for. */
    readonly wanted: number;
    /** Calls queued before the enqueue budget was spent. */
    readonly calls: number;
    readonly enqueueMs: number;
    /** Time to enqueue the first and the last 1,000 calls: equal when adding a call is O(1). */
    readonly firstThousandMs: number;
    readonly lastThousandMs: number;
    readonly growth: MemorySample;
    readonly fulfilled: number;
    readonly closedErrors: number;
    readonly otherErrors: number;
    readonly unsettled: number;
    readonly settleMs: number;
  };
  readonly engineGroups: {
    readonly groups: number;
    readonly liveAfterCalls: number;
    readonly liveAfterIdle: number;
    readonly growthAfterCalls: MemorySample;
    readonly growthAfterIdle: MemorySample;
  };
  readonly clientGroups: {
    readonly groups: number;
    /** Invitations that failed, by error (ZIM code or class): 0 when the bench sends what the mock accepts. */
    readonly failed: number;
    readonly failures: Record<string, number>;
    /** Groups created (before the baseline) so that every invitation is into a group that exists. */
    readonly created: number;
    readonly growthAfterCalls: MemorySample;
    readonly growthAfterIdle: MemorySample;
  };
}

async function queue(job: ScaleJob): Promise<ScaleResult['queue']> {
  const { target } = job;
  const before = sampleMemory();
  const client = pkg.createZimClient({
    appId: target.appId,
    serverSecret: target.serverSecret,
    baseUrl: target.url,
  });
  let fulfilled = 0;
  let closedErrors = 0;
  let otherErrors = 0;
  const t0 = performance.now();
  const calls: Promise<void>[] = [];
  const thousands: number[] = [];
  let mark = t0;
  while (calls.length < job.queued) {
    calls.push(
      client.call('QueryAppGroupList', {}).then(
        () => {
          fulfilled++;
        },
        (error: unknown) => {
          if (error instanceof pkg.ZimClosedError) closedErrors++;
          else otherErrors++;
        },
      ),
    );
    if (calls.length % 1000 === 0) {
      const now = performance.now();
      thousands.push(now - mark);
      mark = now;
      if (now - t0 > job.enqueueBudgetMs) break;
    }
  }
  const enqueueMs = performance.now() - t0;
  await sleep(300); // the first call has gone out, every other one waits in the limiter
  const queued = growth(before, sampleMemory());
  const t1 = performance.now();
  await client.close();
  const timeout = sleep(job.settleBudgetMs).then(() => 'timeout' as const);
  await Promise.race([Promise.all(calls), timeout]);
  const queuedCount = calls.length;
  return {
    wanted: job.queued,
    calls: queuedCount,
    enqueueMs,
    firstThousandMs: thousands[0] ?? Number.NaN,
    lastThousandMs: thousands.at(-1) ?? Number.NaN,
    growth: queued,
    fulfilled,
    closedErrors,
    otherErrors,
    unsettled: queuedCount - fulfilled - closedErrors - otherErrors,
    settleMs: performance.now() - t1,
  };
}

async function engineGroups(job: ScaleJob): Promise<ScaleResult['engineGroups']> {
  const { target } = job;
  const before = sampleMemory();
  const engine = createEngine(
    resolveOptions({ appId: target.appId, serverSecret: target.serverSecret, baseUrl: target.url }),
  );
  const answer = { status: 200, header: () => undefined, text: '{"Code":0}', truncated: false };
  await Promise.all(
    Array.from({ length: job.groups }, (_, i) =>
      engine.run({
        action: 'InviteUsersIntoGroup',
        params: { GroupId: `g${i}`, UserIds: ['u'] },
        send: async () => answer,
      }),
    ),
  );
  const liveAfterCalls = engine.limiters.size;
  const afterCalls = growth(before, sampleMemory());
  await sleep(job.idleWaitMs);
  const liveAfterIdle = engine.limiters.size;
  const afterIdle = growth(before, sampleMemory());
  await engine.close();
  return {
    groups: job.groups,
    liveAfterCalls,
    liveAfterIdle,
    growthAfterCalls: afterCalls,
    growthAfterIdle: afterIdle,
  };
}

/** Failures by ZIM code, or by error class. */
function failuresOf(results: PromiseSettledResult<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    if (r.status === 'fulfilled') continue;
    const e = r.reason as { code?: unknown; name?: string };
    const key = pkg.isZimApiError(e) ? `code ${e.code}` : (e.name ?? 'Error');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function clientGroups(job: ScaleJob): Promise<ScaleResult['clientGroups']> {
  const { target } = job;
  const client = pkg.createZimClient({
    appId: target.appId,
    serverSecret: target.serverSecret,
    baseUrl: target.url,
    // the groups are made first, as fast as the mock takes them (it is started without this limit too)
    limits: { CreateGroup: false },
  });
  // Every invitation goes into a group that exists, from its owner, of a registered user (the
  // mock is started with users u0 and u): the mock accepts every one.
  const made = await runAll(job.groups, 64, (i) =>
    client.call('CreateGroup', { GroupOwner: 'u0', GroupId: `g${i}`, GroupName: `g${i}`, UserId: [] }),
  );
  const created = made.filter((r) => r.status === 'fulfilled').length;
  await client.call('QueryAppGroupList', {}); // sockets and code paths warm before the baseline
  await sleep(job.idleWaitMs);
  const before = sampleMemory();
  const results = await runAll(job.groups, 64, (i) =>
    client.call('InviteUsersIntoGroup', {
      GroupId: `g${i}`,
      FromUserId: 'u0',
      UserIds: ['u'],
      GroupMemberInfos: [{ UserId: 'u' }],
    }),
  );
  const afterCalls = growth(before, sampleMemory());
  await sleep(job.idleWaitMs);
  const afterIdle = growth(before, sampleMemory());
  await client.close();
  return {
    groups: job.groups,
    created,
    failed: results.filter((r) => r.status === 'rejected').length,
    failures: failuresOf(results),
    growthAfterCalls: afterCalls,
    growthAfterIdle: afterIdle,
  };
}

process.once('message', async (job: ScaleJob) => {
  const result: ScaleResult = {
    gcExposed: typeof globalThis.gc === 'function',
    queue: await queue(job),
    engineGroups: await engineGroups(job),
    clientGroups: await clientGroups(job),
    warnings: warnings(),
  };
  process.send?.(result, () => process.disconnect());
});
