import type { Machine } from './machine.js';

/** `bench/RESULTS.md`: the machine, the date, how it was measured, and the table of a real run. */
export function resultsMarkdown(
  info: Machine,
  loadAtEnd: readonly number[],
  settings: unknown,
  totalSeconds: number,
  table: string,
): string {
  return `# Bench results

Written by \`npm run bench\` (\`bench/bench.ts\`); the raw numbers of every round are in
\`bench/results.json\`. Do not edit by hand: run the bench again.

- date: ${info.date}
- machine: ${info.cpu}, ${info.nproc} CPUs (nproc), ${info.platform}
- Node ${info.node}; load average ${info.loadAtStart.join(' ')} at the start, ${loadAtEnd.join(' ')} at the end
  (above 1 means other work shared the 2 cores: ratios hold better than absolute rates)
- whole run: ${totalSeconds} s

## How

- The mock server runs in a child process of its own, on loopback; the client under test gets
  the bench process to itself. Our three doors are loaded from \`dist/\`, as users get them.
- Throughput (1): each stack keeps 32 (then 256) calls in flight on QueryUserInfos, with no
  limit on either side; a run counts the calls completed in a fixed window after a short
  warm-up. 5 rounds, stacks in forward then backward order; each ratio is taken within a round
  and the median round is reported. Every bare stack signs each call with \`signRequest\`.
- Latency (2): UserRegister (20/s on our side) at 10 calls/s per stack; on each tick every
  stack makes one call, one after the other in a rotating order, and each of ours is paired
  with the bare call of the same tick. Median and p99 of the paired differences.
- Precision (3), once: all callers start at once; the mock counts arrivals in exact sliding
  seconds. Achieved rate = (arrivals - N) / (last arrival - first arrival).
- Scale (4), once, in a child process with \`--expose-gc\`: memory growth measured after full
  collections.
- Faults (5): a fresh client per run, faults injected by the mock (\`faults: { busy }\`).
  Attempts per success = server arrivals / successful calls; traffic ratio = arrivals / calls.
- Telemetry (8): \`createZimClient\` with \`telemetry: false\`, with the default
  (\`@opentelemetry/api\` installed, no SDK registered) and with an SDK passed as its own providers
  (every span sampled, batch span processor, periodic metric reader, exporters that do nothing),
  the same SDK sampling 1 call in 10, and the floor: a client with telemetry off wrapped in the
  same spans and histogram points made by hand (\`bench/stacks/otelByHand.ts\`); 32 calls in flight on
  QueryUserInfos as in (1); rounds interleaved, each ratio within a round.

Settings: \`${JSON.stringify(settings)}\`

## Table

${table}
`;
}
