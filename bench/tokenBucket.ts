/**
 * A developer's tool, not part of `npm run bench`: how many calls a token bucket lets into one
 * sliding second at a 20/s limit, against the mock server, beside our client's exact sliding
 * window. The bucket has the textbook setting for 20/s: capacity 20, refilled continuously at
 * 20 tokens a second, one token a call (what `limiter`, `p-throttle`-like and Bottleneck's
 * reservoir designs amount to). Each round, `--callers` concurrent UserRegister calls (documented
 * 20/s) go through each, on mock servers of their own in a child process; the mock stamps every
 * arrival, and the figure is the most arrivals in any sliding 1000 ms (rejected ones included:
 * what the client sent). The bucket side never retries, so every arrival is one it let out.
 * docs/limits.md explains the figure.
 *
 *   npx tsx bench/tokenBucket.ts [--rounds 5] [--callers 100] [--capacity 20] [--rate 20]
 *
 * `--capacity` and `--rate` try other settings of the bucket (capacity 1: no burst at all).
 */
import { parseArgs } from 'node:util';
import { maxInAnyWindow } from '../src/mock/index.js';
import { achievedRate } from './achievedRate.js';
import { MockProcess, type RemoteMock } from './MockProcess.js';
import { pkg } from './pkg.js';
import { signedUrl } from './stacks/signedUrl.js';
import { median } from './statistics.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    callers: { type: 'string', default: '100' },
    capacity: { type: 'string', default: '20' },
    rate: { type: 'string', default: '20' },
  },
});
const ROUNDS = Number(values.rounds);
const CALLERS = Number(values.callers);
const LIMIT = 20;
const CAPACITY = Number(values.capacity);
const RATE = Number(values.rate);

/** A token bucket: `capacity` tokens, refilled continuously at `perSecond`; a call takes one. */
class TokenBucket {
  #tokens: number;
  #last = performance.now();
  readonly #waiting: (() => void)[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
  ) {
    this.#tokens = capacity;
  }

  /** Resolves when the call may go. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#drain();
    });
  }

  #drain(): void {
    const now = performance.now();
    this.#tokens = Math.min(this.capacity, this.#tokens + ((now - this.#last) * this.perSecond) / 1000);
    this.#last = now;
    while (this.#tokens >= 1 && this.#waiting.length > 0) {
      this.#tokens -= 1;
      this.#waiting.shift()!();
    }
    if (this.#waiting.length > 0 && this.#timer === undefined) {
      const wait = ((1 - this.#tokens) * 1000) / this.perSecond;
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#drain();
      }, Math.ceil(wait));
    }
  }
}

interface Count {
  readonly maxInAnySecond: number;
  readonly arrivals: number;
  readonly rejected: number;
  readonly perSecond: number;
}

async function countOf(server: RemoteMock): Promise<Count> {
  const stats = await server.stats('UserRegister');
  return {
    maxInAnySecond: maxInAnyWindow(stats.timestamps, 1000),
    arrivals: stats.arrivals,
    rejected: stats.rejected,
    perSecond: achievedRate(stats.timestamps, LIMIT),
  };
}

const params = (prefix: string, i: number) => ({ UserInfo: [{ UserId: `${prefix}${i}`, UserName: 'T' }] });

const mocks = new MockProcess();
const rows: { bucket: Count; window: Count }[] = [];
try {
  for (let round = 1; round <= ROUNDS; round++) {
    const bucketServer = await mocks.start({});
    const windowServer = await mocks.start({});
    const bucket = new TokenBucket(CAPACITY, RATE);
    const client = pkg.createZimClient({
      appId: windowServer.appId,
      serverSecret: windowServer.serverSecret,
      baseUrl: windowServer.url,
    });
    const byBucket = Array.from({ length: CALLERS }, async (_, i) => {
      await bucket.take();
      const res = await fetch(signedUrl(bucketServer, 'UserRegister'), {
        method: 'POST',
        body: JSON.stringify(params('b', i)),
        headers: { 'content-type': 'application/json' },
      });
      await res.arrayBuffer();
    });
    const byWindow = Array.from({ length: CALLERS }, (_, i) => client.call('UserRegister', params('w', i)));
    await Promise.allSettled([...byBucket, ...byWindow]);
    const row = { bucket: await countOf(bucketServer), window: await countOf(windowServer) };
    rows.push(row);
    await client.close();
    await bucketServer.close();
    await windowServer.close();
    console.log(
      `round ${round}: token bucket ${row.bucket.maxInAnySecond} in one sliding second ` +
        `(${row.bucket.rejected} of ${row.bucket.arrivals} refused, ${row.bucket.perSecond.toFixed(2)}/s); ` +
        `exact sliding window ${row.window.maxInAnySecond} ` +
        `(${row.window.rejected} of ${row.window.arrivals} refused, ${row.window.perSecond.toFixed(2)}/s)`,
    );
  }
} finally {
  mocks.stop();
}

const spread = (xs: number[]) =>
  `median ${median(xs)}, min ${Math.min(...xs)}, max ${Math.max(...xs)}; rounds ${xs.join(' ')}`;
console.log(`\nlimit ${LIMIT}/s, ${CALLERS} callers each, ${ROUNDS} rounds`);
console.log(
  `token bucket (capacity ${CAPACITY}, ${RATE}/s): max in any sliding second: ${spread(rows.map((r) => r.bucket.maxInAnySecond))}`,
);
console.log(`  refused by the server: ${spread(rows.map((r) => r.bucket.rejected))}`);
console.log(
  `exact sliding window (our client):     max in any sliding second: ${spread(rows.map((r) => r.window.maxInAnySecond))}`,
);
console.log(`  refused by the server: ${spread(rows.map((r) => r.window.rejected))}`);
