import { parseArgs } from 'node:util';
import type { MockFaults } from 'zim-resilience/mock';

/** What one demo run does: the workload, the faults of the mock server, where the chart goes. */
export interface DemoOptions {
  /** Roughly how long the busy phase lasts, in seconds: it sizes the message, query and poll streams. */
  readonly duration: number;
  readonly users: number;
  readonly batchSize: number;
  readonly groups: number;
  readonly invitesPerGroup: number;
  readonly memberQueriesPerGroup: number;
  readonly messages: number;
  readonly userInfoQueries: number;
  readonly groupListPolls: number;
  /** Calls each stream keeps in flight at once. */
  readonly concurrency: number;
  /** Fault rates (and the slow delay), as the mock server takes them. */
  readonly faults: { readonly [K in Exclude<keyof MockFaults, 'actions'>]: number };
  /** How far the server clock is ahead of ours, in milliseconds. */
  readonly clockOffsetMs: number;
  /** Server-side limits stricter than the documented ones (the client does not know them). */
  readonly serverLimits: Readonly<Record<string, number>>;
  readonly seed: number;
  /** Where the SVG chart is written. */
  readonly outDir: string;
}

export const USAGE = `Usage: npm run demo -- [options]

Starts the embedded mock ZIM server with faults switched on and drives a workload through
createZimClient: bulk UserRegister, groups (CreateGroup, InviteUsersIntoGroup at 1/s per group,
QueryGroupMemberList), QueryAppGroupList at 1/s, SendPeerMessage and QueryUserInfos.
Shows progress, then a summary, and writes an SVG chart of calls per second per action.

Workload:
  --duration <s>              length of the busy phase; sizes the streams below (default 20)
  --users <n>                 users to register (default 3000)
  --batch-size <n>            users per UserRegister call, at most 100 (default 50)
  --groups <n>                groups to create (default 8)
  --invites-per-group <n>     InviteUsersIntoGroup calls per group (default duration / 2)
  --member-queries <n>        QueryGroupMemberList calls per group (default 5)
  --messages <n>              SendPeerMessage calls (default 18 x duration)
  --user-info-queries <n>     QueryUserInfos calls (default 15 x duration)
  --group-list-polls <n>      QueryAppGroupList calls (default duration)
  --concurrency <n>           calls each stream keeps in flight (default 50)

Faults of the mock server (probabilities per arrival, 0..1):
  --busy <p>                  Code 1, server busy (default 0.05)
  --gateway <p>               Code 100000015, gateway error (default 0.03)
  --http503 <p>               HTTP 503 HTML page (default 0.02)
  --reset <p>                 connection reset before answering (default 0.02)
  --reset-after-commit <p>    action performed, then connection reset (default 0.01)
  --slow <p>                  answer 800 ms late (default 0.01)
  --clock-offset-s <s>        server clock ahead of ours (default 900: 15 minutes)
  --server-limit <Action=n>   make the server stricter than the documented limit, to see
                              rate-limited answers and requeues (repeatable)
  --no-faults                 switch every fault off (the clock offset stays)

Other:
  --seed <n>                  seed of the faults and of the workload (default 1)
  --out <dir>                 where the chart is written (default .demo-out)
  -h, --help                  show this help
`;

/** Why the command line was refused. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function numberOf(flag: string, text: string | undefined, fallback: number, min = 0, max = Infinity): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`expected --${flag} to be a number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function integerOf(flag: string, text: string | undefined, fallback: number, min = 0, max = Infinity) {
  const value = numberOf(flag, text, fallback, min, max);
  if (!Number.isInteger(value)) throw new UsageError(`expected --${flag} to be an integer, got "${text}"`);
  return value;
}

function serverLimitsOf(entries: readonly string[]): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const entry of entries) {
    const [action, value, extra] = entry.split('=');
    if (!action || value === undefined || extra !== undefined) {
      throw new UsageError(`expected --server-limit to be Action=n, got "${entry}"`);
    }
    limits[action] = numberOf(`server-limit ${action}`, value, 0, 0.001);
  }
  return limits;
}

/** Parses the command line: the options, or `'help'`. A wrong flag is a `UsageError` that names it. */
export function parseDemoArgs(argv: readonly string[]): DemoOptions | 'help' {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const duration = numberOf('duration', values.duration, 20, 1, 600);
  const noFaults = values['no-faults'] === true;
  const fault = (flag: string, text: string | undefined, fallback: number) =>
    noFaults ? 0 : numberOf(flag, text, fallback, 0, 1);
  const faults = {
    busy: fault('busy', values.busy, 0.05),
    gateway: fault('gateway', values.gateway, 0.03),
    http503: fault('http503', values.http503, 0.02),
    resetBeforeAnswer: fault('reset', values.reset, 0.02),
    resetAfterCommit: fault('reset-after-commit', values['reset-after-commit'], 0.01),
    slow: fault('slow', values.slow, 0.01),
    slowMs: 800,
  };
  const exclusive =
    faults.busy + faults.gateway + faults.http503 + faults.resetBeforeAnswer + faults.resetAfterCommit;
  if (exclusive > 1)
    throw new UsageError(`expected the fault probabilities to add up to at most 1, got ${exclusive}`);
  return {
    duration,
    users: integerOf('users', values.users, 3000, 1),
    batchSize: integerOf('batch-size', values['batch-size'], 50, 1, 100),
    groups: integerOf('groups', values.groups, 8, 1),
    invitesPerGroup: integerOf('invites-per-group', values['invites-per-group'], Math.ceil(duration / 2), 0),
    memberQueriesPerGroup: integerOf('member-queries', values['member-queries'], 5, 0),
    messages: integerOf('messages', values.messages, Math.round(18 * duration), 0),
    userInfoQueries: integerOf(
      'user-info-queries',
      values['user-info-queries'],
      Math.round(15 * duration),
      0,
    ),
    groupListPolls: integerOf('group-list-polls', values['group-list-polls'], Math.round(duration), 0),
    concurrency: integerOf('concurrency', values.concurrency, 50, 1),
    faults,
    clockOffsetMs: numberOf('clock-offset-s', values['clock-offset-s'], 900, -86_400, 86_400) * 1000,
    serverLimits: serverLimitsOf(values['server-limit'] ?? []),
    seed: integerOf('seed', values.seed, 1, 0, 2 ** 32 - 1),
    outDir: values.out ?? '.demo-out',
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      duration: { type: 'string' },
      users: { type: 'string' },
      'batch-size': { type: 'string' },
      groups: { type: 'string' },
      'invites-per-group': { type: 'string' },
      'member-queries': { type: 'string' },
      messages: { type: 'string' },
      'user-info-queries': { type: 'string' },
      'group-list-polls': { type: 'string' },
      concurrency: { type: 'string' },
      busy: { type: 'string' },
      gateway: { type: 'string' },
      http503: { type: 'string' },
      reset: { type: 'string' },
      'reset-after-commit': { type: 'string' },
      slow: { type: 'string' },
      'clock-offset-s': { type: 'string' },
      'server-limit': { type: 'string', multiple: true },
      'no-faults': { type: 'boolean' },
      seed: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
