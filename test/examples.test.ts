import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_DEFAULTS } from '../src/mock/index.js';
import { type Run, root, runNode } from './helpers/runChild.js';

// Runs every example as a user would: a child process importing the built package by its name
// ('zim-resilience' and 'zim-resilience/mock' resolve to dist/ through the exports map).

const TIMEOUT_MS = 90_000;

const node = (args: readonly string[], timeoutMs = TIMEOUT_MS) => runNode(args, { timeoutMs });
const tsx = (file: string, ...args: string[]) => node(['--import', 'tsx', file, ...args]);

/** What each example must print. An example not listed here must only exit 0. */
const EXPECTED: Readonly<Record<string, readonly RegExp[]>> = {
  'examples/axios.ts': [/QueryUserInfos found Eve after 2 attempts/],
  'examples/client.ts': [
    /registered 60 users, 0 refused/,
    /sent \d+ messages, \d+ maybe sent/,
    /retries by reason/,
  ],
  'examples/client-fetch.ts': [
    /attempt 1: POST UserRegister\nattempt 2: POST UserRegister/,
    /UserRegister answered Code 0 after 2 attempts through fetch/,
  ],
  'examples/jobs.ts': [
    /registered 299 users, 1 already there, 0 lost/,
    /invited 299 in 3 calls/,
    /the group has 301 members; the owner is admin/,
    /first page: 300 of 301/,
  ],
  'examples/overload.ts': [
    /UserRegister: learned 10\/s/,
    /a direct call went ahead of the batch: \d+ ms/,
    /refused at once: \d+ ahead, a slot in \d+ s, 0 sent/,
    /batch: 30 chunks, 0 lost, \d+ refused by the server/,
  ],
  'examples/jobs-resume.ts': [
    /first run: SIGKILL after \d+ calls answered/,
    /resumed: \d+ calls more, \d+ users registered/,
    /the answer covers all 3000: \d+ chunks answered, \d+ users in chunks that may have gone out/,
  ],
  'examples/fetch.ts': [/UserRegister answered Code 0/, /QueryUserInfos found Ann after 3 attempts/],
  'examples/ky.ts': [/CreateGroup book-club after 2 attempts; members: cy, di/],
  'examples/undici.ts': [
    /UserRegister: HTTP 200, Code 0, re-signed/,
    /QueryUserInfos found Bob after 2 attempts/,
  ],
  'examples/undici-retry.ts': [
    /proxy page: ZimHttpError, mayHaveCommitted true, 1 arrival, body <html>ok<\/html>/,
    /stacked with interceptors.retry: TypeError ZIM_STACKED_RETRY, 0 arrivals/,
  ],
  'examples/redis-workers.ts': [/0 rate-limited/],
  'examples/mock-admin.ts': [
    /UserRegister: 2 arrivals, 0 refused by the limit, at most 2 in a second; 10 users/,
  ],
  'examples/telemetry.ts': [
    /name: 'POST',[\s\S]*kind: 2,[\s\S]*Signature=REDACTED'[\s\S]*'error\.type': 'retryable'/,
    /'http\.request\.resend_count': 2,\s*'zim\.category': 'success'/,
    /name: 'zim\.call QueryUserInfos'[\s\S]*'zim\.attempts': 3/,
    /QueryUserInfos answered Code 0 after 3 attempts/,
    /name: 'http\.client\.request\.duration'/,
    /name: 'zim\.client\.call\.duration'/,
  ],
  'examples/callbacks-node.ts': [
    /send_msg 42 from ann: 100% done\n200 /,
    /duplicate send_msg: not handled again\n200 /,
    /refused: bad signature \(401\)/,
    /200 \{"result":3,"reason":"spam"\}/,
  ],
  'examples/callbacks-express.ts': [
    /group g1 created by ann: ann, bob\nanswered 200\nanswered 200 \(a redelivery/,
    /other event: room_enter/,
  ],
  'examples/callbacks-mock.ts': [
    /group crew created by ann: ann, bob\nsend_msg in crew: welcome to Crew/,
    /group_create: delivered after 500, 200\nsend_msg: delivered after 200/,
    /spam sent: false \(verdict 3\)/,
  ],
  'examples/callbacks-fastify.ts': [/ann is online\nanswered 200\nanswered 401 \(stale\)/],
  'examples/callbacks-hono.ts': [/verdict \{"result":0\} from timeout\nanswered 200 \{"result":0\} in time/],
  'examples/https.ts': [
    /untrusted: tls-certificate DEPTH_ZERO_SELF_SIGNED_CERT, attempts 1, written: no, fatal: true/,
    /To fix: .*NODE_EXTRA_CA_CERTS=.*connect: \{ ca \}/,
    /trusted: QueryUserInfos answered Code 0 with ann/,
  ],
  'examples/readme/callbacks.ts': [/user_login: genuine\nforged: refused/],
  'examples/readme/chain.ts': [/attempt 1: retryable \(Code 1\)[\s\S]*attempt 2: success \(Code 0\)/],
  'examples/readme/client-door.ts': [/UserRegister answered Code 0/],
  'examples/readme/fetch-door.ts': [/UserRegister answered Code 0/],
  'examples/readme/undici-door.ts': [/QueryUserInfos: HTTP 200, Code 0/],
  'examples/readme/codes.ts': [
    /^rate-limited$/m,
    /^Signature expired\.$/m,
    /AddFriends resolved with Code 660800027/,
  ],
  'examples/readme/errors.ts': [
    /a fatal code: ZimApiError 660000002 \(fatal\), attempts: 1/,
    /busy three times: ZimApiError 1 \(retryable\), attempts: 3/,
    /a proxy error page three times: ZimHttpError 502 \(retryable\), attempts: 3/,
    /connection lost after writing: ZimTransportError, mayHaveCommitted true/,
    /1st broadcast of the day: succeeded/,
    /2nd broadcast of the day: ZimQuotaError, next call fits in 24 h/,
    /calls pending when the client closes: ZimClosedError/,
  ],
  'examples/readme/events.ts': [
    /\[zim-resilience:retry\] \{[\s\S]*reason: 'code 100000015'/,
    /\[hook\] re-signed QueryUserInfos after code 100000004/,
    /\[hook\] QueryUserInfos: success after 3 attempts/,
  ],
  'examples/readme/idempotent.ts': [
    /CreateGroup: the group exists after 2 attempts/,
    /SendPeerMessage: mayHaveCommitted, 1 message recorded/,
  ],
  'examples/readme/limits.ts': [
    /4 invites into 2 groups: 1 s/,
    /3 x 8 messages: 1 s, at most 16 in any second, 0 refused/,
  ],
  'examples/readme/typed-call.ts': [/sent to bob as MsgSeq 1/, /not sent to cy SubCode 660700015/],
  'examples/readme/custom-action.ts': [
    /QueryNewThing answered Code 0 with \[ 'a', 'b' \]/,
    /got "QueryNewThng": did you mean QueryNewThing\?/,
  ],
  'examples/readme/mock.ts': [
    /members of g1: \[ 'ann', 'bob' \]/,
    /arrivals: 2, codes: \{ '0': 1, '660600004': 1 \}/,
  ],
};

/** Examples that need a Redis server: skipped when none answers (CI starts one). */
const needsRedis = (file: string) => /redis/i.test(file);
const redisUrl = new URL(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
const redisReachable = await new Promise<boolean>((done) => {
  const socket = createConnection({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
  socket.setTimeout(500);
  socket.on('connect', () => {
    done(true);
    socket.destroy();
  });
  socket.on('error', () => done(false));
  socket.on('timeout', () => {
    done(false);
    socket.destroy();
  });
});

const examples = ['examples', 'examples/readme'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${dir}/${f}`),
);

/** No example may print a secret: the mock's ServerSecret, or the callback example's secret. */
const SECRETS = [MOCK_DEFAULTS.serverSecret, 'the CallbackSecret of your project'];
function expectNoSecret(run: Run) {
  for (const secret of SECRETS) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

beforeAll(async () => {
  // The examples import dist/ through the package's exports map: build it from the current src.
  const build = await node(
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    120_000,
  );
  if (build.code !== 0) {
    if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/mock/index.js'))) {
      throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
    }
    console.warn(`tsc reported errors, testing the dist/ it emitted anyway:\n${build.stdout}`);
  }
}, 150_000);

describe.concurrent('examples/*.ts and examples/readme/*.ts', () => {
  it('finds the examples the README relies on', () => {
    for (const file of ['axios', 'client', 'fetch', 'ky', 'undici'])
      expect(examples).toContain(`examples/${file}.ts`);
  });

  if (process.env['CI'] && !redisReachable)
    throw new Error(`CI must run the Redis example, but no Redis answers at ${redisUrl.host}`);
  const skipped = examples.filter((file) => needsRedis(file) && !redisReachable);
  it.skip.each(skipped)(`%s (needs Redis at ${redisUrl.host}: none answers)`, () => {});

  it.each(examples.filter((file) => !skipped.includes(file)))(
    '%s exits 0 and prints what it should',
    async (file) => {
      const run = await tsx(file);
      expect(run.stderr, run.stdout).not.toMatch(/Error|Warning/);
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      for (const pattern of EXPECTED[file] ?? [/./]) expect(run.stdout).toMatch(pattern);
      expectNoSecret(run);
    },
    TIMEOUT_MS,
  );

  it(
    'examples/vitest: the vitest example passes under its own config',
    async () => {
      const run = await node([
        join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'examples/vitest/vitest.config.ts',
      ]);
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/Test Files\s+2 passed/);
      expect(run.stdout).toMatch(/Tests\s+6 passed/);
    },
    TIMEOUT_MS,
  );
});

describe.concurrent('npm run demo', () => {
  const out = mkdtempSync(join(tmpdir(), 'zim-demo-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it(
    'runs a small workload, prints progress, a summary and writes the chart',
    async () => {
      const run = await tsx(
        'demo/demo.ts',
        '--duration',
        '3',
        '--users',
        '300',
        '--groups',
        '2',
        '--out',
        out,
      );
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).not.toContain('\r'); // not a terminal: plain progress lines
      expect(run.stdout).toMatch(/^\s+\d+\.\d s \| /m);
      expect(run.stdout).toMatch(/Summary: \d+ calls in/);
      expect(run.stdout).toMatch(/^UserRegister\s+20\/s\s+\d+/m);
      expect(run.stdout).toMatch(/^InviteUsersIntoGroup\s+1\/s per group \(x2\)/m);
      expect(run.stdout).toMatch(/^total\s+\d+/m);
      expect(run.stdout).toMatch(/auth\s+\d+ re-signs: code 100000004/);
      expect(run.stdout).toMatch(/Failed calls/);
      expect(run.stdout).toMatch(/from the OpenTelemetry metrics[\s\S]*^UserRegister\s+\d+\s+\d+\.\d\s+\d+/m);
      expectNoSecret(run);
      const chart = join(out, 'demo-chart.svg');
      expect(run.stdout).toContain(chart);
      const svg = readFileSync(chart, 'utf8');
      expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain('SendPeerMessage');
      expect(svg).toContain('class="limit"');
    },
    TIMEOUT_MS,
  );

  it('explains its flags, and refuses a wrong one', async () => {
    const help = await tsx('demo/demo.ts', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run demo -- \[options\]/);
    const wrong = await tsx('demo/demo.ts', '--busy', '2');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('expected --busy to be a number from 0 to 1, got "2"');
  });
});
