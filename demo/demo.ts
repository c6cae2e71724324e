import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';
import { seededRandom } from '../src/mock/seededRandom.js';
import { parseDemoArgs, USAGE, UsageError } from './args.js';
import { renderChart } from './chart.js';
import { startMetrics } from './metricsTable.js';
import { Progress } from './progress.js';
import { Recorder } from './recorder.js';
import { formatSummary } from './summary.js';
import { runWorkload, type WorkloadState } from './workload.js';

/** `npm run demo`: the mock server with faults, a workload through the client, progress, a summary, a chart. */
async function main(argv: readonly string[]): Promise<number> {
  let options: ReturnType<typeof parseDemoArgs>;
  try {
    options = parseDemoArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`demo: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }

  const server = await startMockZimServer({
    faults: options.faults,
    seed: options.seed,
    clockOffsetMs: options.clockOffsetMs,
    limits: Object.fromEntries(Object.entries(options.serverLimits).map(([a, n]) => [a, { perSecond: n }])),
  });
  const metered = startMetrics(); // the client reports into the global meter provider by itself
  const rec = new Recorder();
  const zim = createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    hooks: rec.hooks,
    random: seededRandom(options.seed + 1),
  });

  const f = options.faults;
  console.log(
    `Mock ZIM server at ${server.url}: faults busy ${f.busy}, gateway ${f.gateway}, http503 ${f.http503}, ` +
      `reset ${f.resetBeforeAnswer}, reset after commit ${f.resetAfterCommit}, slow ${f.slow}; ` +
      `its clock is ${options.clockOffsetMs / 60_000} min off ours.`,
  );
  console.log(
    `Workload: ${options.users} users in batches of ${options.batchSize}, then ${options.groups} groups ` +
      `(${options.invitesPerGroup} invites each), ${options.messages} messages, ${options.userInfoQueries} user lookups, ` +
      `${options.groupListPolls} group-list polls.\n`,
  );

  const state: WorkloadState = { phase: 'starting' };
  const progress = new Progress(rec, state);
  const t0 = Date.now();
  const started = performance.now();
  progress.start();
  try {
    await runWorkload(zim, options, rec, state);
  } finally {
    progress.stop();
    await zim.close();
  }
  const elapsedMs = performance.now() - started;
  const t1 = Date.now();

  // Only a test server can say whether a message whose answer was lost was recorded after all.
  const sent = new Set(server.state.messages.map((m) => (m.MessageBody as { Message?: string }).Message));
  for (const failure of rec.failures) {
    const id = /^message (#\d+)/.exec(failure.label)?.[1];
    if (failure.mayHaveCommitted && id) {
      failure.note = sent.has(`hello ${id}`)
        ? 'the mock server did record it (sending it again would have made a duplicate)'
        : 'the mock server did not record it (the connection dropped before it acted)';
    }
  }

  const stats = server.stats();
  await server.close();
  console.log(`\n${formatSummary({ rec, stats, options, elapsedMs })}`);
  console.log(`\nPer action, from the OpenTelemetry metrics (docs/telemetry.md):\n${await metered.table()}`);
  await metered.shutdown();

  const dir = resolve(options.outDir);
  await mkdir(dir, { recursive: true });
  const chart = resolve(dir, 'demo-chart.svg');
  await writeFile(chart, renderChart(stats, options, t0, t1));
  console.log(`\nChart of calls per second per action against its limit: ${chart}`);
  return 0;
}

// `npm run demo | head`: stop quietly when the reader goes away.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});
process.exitCode = await main(process.argv.slice(2));
