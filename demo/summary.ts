import type { MockStats } from 'zim-resilience/mock';
import type { DemoOptions } from './args.js';
import { DEMO_ACTIONS, demoLimit } from './limits.js';
import type { Recorder } from './recorder.js';
import { busyRate, ms, percentile } from './stats.js';
import { formatTable } from './table.js';

/** What the summary is made of. */
export interface SummaryInput {
  readonly rec: Recorder;
  readonly stats: MockStats;
  readonly options: DemoOptions;
  readonly elapsedMs: number;
}

const list = (map: ReadonlyMap<string | number, number>, prefix = '') =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${prefix}${reason} x${n}`)
    .join(', ');

const sum = (map: ReadonlyMap<unknown, number> | undefined) =>
  [...(map ?? new Map()).values()].reduce((a, b) => a + b, 0);

/** The table of every action: what the client sent, what the server saw, how fast and how long. */
function actionTable({ rec, stats, options }: SummaryInput): string {
  const rows = DEMO_ACTIONS.map((action) => {
    const c = rec.of(action);
    const s = stats[action];
    const limit = demoLimit(action, options);
    // Below one second's worth of queued calls, the workload (not the limit) set the pace.
    const rate = c.throttleWaits >= limit.cap ? busyRate(s.timestamps, c.throttledAt) : undefined;
    return [
      action,
      limit.label,
      String(c.started),
      String(c.succeeded),
      String(c.failed),
      String(c.attempts),
      String(c.retries),
      String(s.rejected),
      ms(c.throttleWaitMs),
      `${s.maxInAnySecond}`,
      rate === undefined ? 'not busy' : `${rate.toFixed(1)}/s ${Math.round((rate / limit.cap) * 100)}%`,
      ms(percentile(c.durationsMs, 50)),
      ms(percentile(c.durationsMs, 99)),
    ];
  });
  const t = rec.totals();
  const rejected = DEMO_ACTIONS.reduce((n, a) => n + stats[a].rejected, 0);
  rows.push([
    'total',
    '',
    String(t.started),
    String(t.succeeded),
    String(t.failed),
    String(t.attempts),
    String(t.retries),
    String(rejected),
    ms(t.throttleWaitMs),
    '',
    '',
    ms(percentile(t.durationsMs, 50)),
    ms(percentile(t.durationsMs, 99)),
  ]);
  const header = [
    'action',
    'limit',
    'calls',
    'ok',
    'failed',
    'attempts',
    'retries',
    'rejected',
    'throttle wait',
    'max in 1 s',
    'achieved',
    'p50',
    'p99',
  ];
  return formatTable(header, rows);
}

/** The whole summary, as printed at the end of the run. */
export function formatSummary(input: SummaryInput): string {
  const { rec, stats, options, elapsedMs } = input;
  const t = rec.totals();
  const rejected = DEMO_ACTIONS.reduce((n, a) => n + stats[a].rejected, 0);
  const faults = new Map<string, number>();
  for (const action of DEMO_ACTIONS) {
    for (const [kind, n] of Object.entries(stats[action].faults)) {
      if (n > 0) faults.set(kind, (faults.get(kind) ?? 0) + n);
    }
  }
  const retryable = rec.retries.get('retryable');
  const otherRetries = [...rec.retries].filter(([category]) => category !== 'retryable');
  const fatal = rec.settledBy.get('fatal');
  const offset = `${rec.clockOffsetMs >= 0 ? '+' : ''}${(rec.clockOffsetMs / 1000).toFixed(1)} s`;

  const out: string[] = [];
  out.push(
    `Summary: ${t.started} calls in ${ms(elapsedMs)} (seed ${options.seed}), ${t.succeeded} succeeded, ${t.failed} failed.`,
    '',
    actionTable(input),
    '',
    'calls: calls made by the workload; attempts: requests sent (retries, re-signs and requeues included);',
    'rejected: refused by the server for going too fast; throttle wait: time calls queued for their limit, summed;',
    'max in 1 s: most arrivals the server saw in any sliding second; achieved: arrivals per second while',
    "calls were queuing for the limit all through the second (the first second's burst left out), against",
    'the limit; p50/p99: call latency, queueing and retries included.',
    '',
    'What went wrong, and what the client did (by category):',
    `  retryable     ${String(sum(retryable)).padStart(4)} retries with backoff: ${retryable ? list(retryable) : 'none'}`,
    `  rate-limited  ${String(t.rateLimited).padStart(4)} requeues after a rate-limited answer; rejections counted by the server: ${rejected}`,
    `  auth          ${String(rec.resigns).padStart(4)} re-signs: ${rec.resigns ? `${list(rec.resignReasons)} (signature expired: the server clock is ${offset} off; learned from its Date header)` : 'none'}`,
    `  fatal         ${String(sum(fatal)).padStart(4)} calls given up at once: ${fatal ? list(fatal) : 'none'}`,
  );
  for (const [category, reasons] of otherRetries) {
    out.push(`  (also ${sum(reasons)} retries of category ${category}: ${list(reasons)})`);
  }
  out.push(
    '',
    `Throttle: ${t.throttleWaits} calls waited for their limit, ${ms(t.throttleWaitMs)} in total (queued, not refused).`,
    `Faults injected by the mock server: ${faults.size ? list(faults) : 'none'}.`,
  );
  if (rec.itemErrors.size) {
    out.push(
      `Per-item errors inside successful batch answers (ErrorList, handed back, not hidden): ${list(rec.itemErrors, 'SubCode ')}.`,
    );
  }
  out.push('', ...formatFailures(rec));
  return out.join('\n');
}

/** Every failed call, with its reason; possibly committed ones explained. */
function formatFailures(rec: Recorder): string[] {
  if (rec.failures.length === 0) return ['Failed calls: none.'];
  const out = [`Failed calls (${rec.failures.length}):`];
  for (const f of rec.failures) {
    const flag = f.mayHaveCommitted ? ' mayHaveCommitted' : '';
    out.push(`  ${f.action} ${f.label}: ${f.errorName}${flag}: ${f.message}`);
    if (f.note) out.push(`      -> ${f.note}`);
  }
  if (rec.failures.some((f) => f.mayHaveCommitted)) {
    out.push(
      '',
      'A ZimTransportError with mayHaveCommitted is correct behaviour, not a bug: the connection dropped',
      'after the request was written, so the server may have acted on it. Sending a SendPeerMessage',
      'again could deliver it twice, so the client does not; your code decides (reconcile, or accept it).',
      'Actions that are safe to repeat (queries, UserRegister) are retried in the same situation.',
    );
  }
  return out;
}
