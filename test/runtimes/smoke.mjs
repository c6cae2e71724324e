// The built package (dist/) under the runtime that runs this file: Bun, Deno or Node.
//
//   REDIS_URL=redis://127.0.0.1:6379 npx -y bun@1.4.5 test/runtimes/smoke.mjs
//   REDIS_URL=redis://127.0.0.1:6379 npx -y deno@2.9.6 run -A test/runtimes/smoke.mjs
//
// Every check is counted at the server (the mock's stats), against a mock this runtime starts
// itself: the client (30 UserRegister, then its typed errors, body bound, attempt timeout and
// mayHaveCommitted), resilientFetch (30 UserRegister), the mock's CLI run by this runtime, and one
// limit shared through Redis by two clients. Exits 1 on any failure. Run it from the repository
// (Deno finds node_modules through the package.json above this file).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as nodeTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import {
  createZimClient,
  resilientFetch,
  ZimApiError,
  ZimHttpError,
  ZimTransportError,
} from '../../dist/index.js';
import { startMockZimServer } from '../../dist/mock/index.js';

const runtime = globalThis.Bun
  ? `Bun ${globalThis.Bun.version}`
  : globalThis.Deno
    ? `Deno ${globalThis.Deno.version.deno}`
    : `Node ${process.versions.node}`;
const failures = [];
const check = (name, ok, detail) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
  if (!ok) failures.push(name);
};
const watchdog = nodeTimeout(() => {
  console.log(`FAIL smoke: not done after 90 s (${runtime})`);
  process.exit(2);
}, 90_000);

const fast = { minDelayMs: 1, maxDelayMs: 20 };
const user = (id) => ({ UserInfo: [{ UserId: id, UserName: `User ${id}` }] });
const settle = (promise) =>
  promise.then(
    (value) => ({ value }),
    (error) => ({ error }),
  );
const describe = (e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** The client: 30 UserRegister, and what it promises besides. */
async function clientChecks() {
  const server = await startMockZimServer({ users: ['u1', 'u2'] });
  const options = {
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    retry: fast,
  };
  let zim;
  try {
    zim = createZimClient(options);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => settle(zim.call('UserRegister', user(`c${i}`)))),
    );
    const ok = answers.filter((a) => a.value?.Code === 0).length;
    const s = server.stats().UserRegister;
    check(
      'client',
      ok === 30 && s.accepted === 30 && s.arrivals === 30,
      `${ok}/30 Code 0; server: ${s.arrivals} arrivals, ${s.accepted} accepted${answers.find((a) => a.error) ? `; ${describe(answers.find((a) => a.error).error)}` : ''}`,
    );

    server.script('QueryUserInfos', [{ code: 660000002 }]);
    const fatal = await settle(zim.call('QueryUserInfos', { UserIds: ['u1'] }));
    check(
      'client: a fatal Code',
      fatal.error instanceof ZimApiError &&
        fatal.error.code === 660000002 &&
        server.stats().QueryUserInfos.arrivals === 1,
      `${describe(fatal.error)}; server: ${server.stats().QueryUserInfos.arrivals} arrival`,
    );

    server.script('QueryUserInfos', [{ code: 1 }, { http: 503 }, 'reset']);
    const retried = await settle(zim.call('QueryUserInfos', { UserIds: ['u1'] }));
    check(
      'client: busy, 503, reset, then Code 0',
      retried.value?.Code === 0 && server.stats().QueryUserInfos.arrivals === 5,
      `${retried.value ? `Code ${retried.value.Code}` : describe(retried.error)}; server: ${server.stats().QueryUserInfos.arrivals - 1} arrivals`,
    );

    const small = createZimClient({ ...options, maxBodyBytes: 1024, retry: { ...fast, maxAttempts: 1 } });
    server.script('QueryUserInfos', [{ body: { Code: 0, pad: 'x'.repeat(4096) } }]);
    const huge = await settle(small.call('QueryUserInfos', { UserIds: ['u1'] }));
    await small.close();
    check(
      'client: a body over maxBodyBytes',
      huge.error instanceof ZimHttpError && /too large/.test(huge.error.message),
      describe(huge.error),
    );

    const slow = createZimClient({ ...options, retry: { ...fast, attemptTimeoutMs: 300 } });
    server.script('SendPeerMessage', [{ delayMs: 3000 }]);
    const msg = {
      FromUserId: 'u1',
      ToUserId: ['u2'],
      MessageType: 1,
      Priority: 1,
      MessageBody: { Message: 'hi' },
    };
    const started = Date.now();
    const timedOut = await settle(slow.call('SendPeerMessage', msg));
    const tookMs = Date.now() - started;
    await slow.close();
    check(
      'client: attempt timeout on a send',
      timedOut.error instanceof ZimTransportError &&
        timedOut.error.mayHaveCommitted === true &&
        timedOut.error.attempts === 1 &&
        tookMs < 2500 &&
        server.stats().SendPeerMessage.arrivals === 1,
      `${describe(timedOut.error)}; mayHaveCommitted ${timedOut.error?.mayHaveCommitted} after ${tookMs} ms; server: ${server.stats().SendPeerMessage.arrivals} arrival`,
    );

    server.script('SendPeerMessage', ['resetAfterCommit']);
    const reset = await settle(zim.call('SendPeerMessage', msg));
    check(
      'client: reset after commit on a send',
      reset.error instanceof ZimTransportError &&
        reset.error.mayHaveCommitted === true &&
        reset.error.attempts === 1,
      `${describe(reset.error)}; mayHaveCommitted ${reset.error?.mayHaveCommitted}, attempts ${reset.error?.attempts}`,
    );

    const port = await freePort();
    const nowhere = createZimClient({
      ...options,
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { ...fast, maxAttempts: 2 },
    });
    const refused = await settle(nowhere.call('SendPeerMessage', msg));
    await nowhere.close();
    check(
      'client: a refused connection',
      refused.error instanceof ZimTransportError &&
        refused.error.mayHaveCommitted === false &&
        refused.error.attempts === 2,
      `${describe(refused.error)}; mayHaveCommitted ${refused.error?.mayHaveCommitted}, attempts ${refused.error?.attempts}`,
    );
  } finally {
    await zim?.close();
    await server.close();
  }
}

/** resilientFetch over this runtime's fetch: 30 UserRegister, signed by it. */
async function fetchChecks() {
  const server = await startMockZimServer();
  let zimFetch;
  try {
    zimFetch = resilientFetch(fetch, {
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      retry: fast,
    });
    server.script('UserRegister', [{ code: 1 }]); // one busy answer: retried, counted
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        settle(
          zimFetch(`${server.url}/?Action=UserRegister`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(user(`f${i}`)),
          }).then((res) => res.json()),
        ),
      ),
    );
    const ok = answers.filter((a) => a.value?.Code === 0).length;
    const s = server.stats().UserRegister;
    check(
      'resilientFetch',
      ok === 30 && s.accepted === 30 && s.arrivals === 31,
      `${ok}/30 Code 0; server: ${s.arrivals} arrivals (one busy, retried), ${s.accepted} accepted${answers.find((a) => a.error) ? `; ${describe(answers.find((a) => a.error).error)}` : ''}`,
    );
  } finally {
    await zimFetch?.close();
    await server.close();
  }
}

/**
 * The mock's CLI as a child of this runtime, with its stdout as text chunks and what it exited with.
 * Under Deno through Deno.Command: Deno's node:child_process reports a child that handles SIGTERM
 * and exits 0 as killed by the signal (Deno 2.9.6), Deno.Command tells its real exit code.
 */
function startCli() {
  const cli = fileURLToPath(new URL('../../dist/mock/cli.js', import.meta.url));
  const { Deno } = globalThis;
  if (Deno) {
    const args = ['run', '-A', cli, '--port', '0'];
    const child = new Deno.Command(Deno.execPath(), { args, stdout: 'piped', stderr: 'inherit' }).spawn();
    const exited = child.status.then((s) => s.signal ?? s.code);
    return {
      stdout: child.stdout.pipeThrough(new TextDecoderStream()),
      stop: () => child.kill('SIGTERM'),
      exited,
    };
  }
  const child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.setEncoding('utf8');
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { stdout: child.stdout, stop: () => child.kill('SIGTERM'), exited };
}

/** The mock's CLI, run by this runtime: prints its URL, answers, stops on SIGTERM. */
async function cliChecks() {
  const cli = startCli();
  const chunks = cli.stdout[Symbol.asyncIterator]();
  let out = '';
  const readUntil = async (text) => {
    while (!out.includes(text)) {
      const { value, done } = await chunks.next();
      if (done) return false;
      out += value;
    }
    return true;
  };
  if (!(await readUntil('Press Ctrl+C')))
    return check('mock CLI', false, `exited (${await cli.exited}) before printing its URL: ${out}`);
  const [url] = out.split('\n');
  const appId = Number(/AppId: (\d+)/.exec(out)?.[1]);
  const serverSecret = /ServerSecret: (\S+)/.exec(out)?.[1];
  let answer;
  try {
    const zim = createZimClient({ appId, serverSecret, baseUrl: url, retry: fast });
    answer = await settle(zim.call('QueryUserInfos', { UserIds: ['nobody'] }));
    await zim.close();
  } finally {
    cli.stop();
  }
  const stopping = await readUntil('Stopping (SIGTERM)');
  const code = await cli.exited;
  check(
    'mock CLI',
    answer.value?.Code === 0 && code === 0 && stopping,
    `${url} answered ${answer.value ? `Code ${answer.value.Code}` : describe(answer.error)}; on SIGTERM: ${stopping ? '"Stopping (SIGTERM)", ' : ''}exit ${code}`,
  );
}

/** Two clients of this runtime sharing UserRegister's 20/s through Redis: 40 calls, none refused. */
async function redisChecks() {
  const url = process.env.REDIS_URL;
  if (!url) return check('Redis-shared limit', false, 'REDIS_URL is not set');
  const server = await startMockZimServer();
  const keyPrefix = `zim-smoke-${process.pid}-${Date.now()}`;
  const shared = [];
  const make = () =>
    createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      retry: fast,
      redis: { url, keyPrefix },
      hooks: { cluster: (e) => shared.push(e.state) },
    });
  const clients = [];
  try {
    clients.push(make(), make());
    const calls = clients.flatMap((zim, c) =>
      Array.from({ length: 20 }, (_, i) => settle(zim.call('UserRegister', user(`r${c}-${i}`)))),
    );
    const answers = await Promise.all(calls);
    const ok = answers.filter((a) => a.value?.Code === 0).length;
    const s = server.stats().UserRegister;
    check(
      'Redis-shared limit',
      ok === 40 &&
        s.accepted === 40 &&
        s.rejected === 0 &&
        s.maxInAnySecond <= 20 &&
        shared.filter((x) => x === 'shared').length >= 2,
      `${ok}/40 Code 0 from 2 clients; server: ${s.rejected} rate-limited, at most ${s.maxInAnySecond} in any second of 20; cluster: ${shared.join(', ') || 'no event'}${answers.find((a) => a.error) ? `; ${describe(answers.find((a) => a.error).error)}` : ''}`,
    );
  } finally {
    await Promise.all(clients.map((zim) => zim.close()));
    await server.close();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

console.log(`smoke on ${runtime}`);
for (const step of [clientChecks, fetchChecks, cliChecks, redisChecks]) {
  try {
    await step();
  } catch (error) {
    check(step.name, false, `threw ${describe(error)}`);
  }
}
clearTimeout(watchdog);
console.log(
  failures.length === 0
    ? `smoke on ${runtime}: all passed`
    : `smoke on ${runtime}: ${failures.length} failed`,
);
process.exitCode = failures.length === 0 ? 0 : 1;
// Everything is closed by now: a runtime still running 5 s later kept a handle open.
nodeTimeout(() => {
  console.log(`FAIL smoke on ${runtime}: still running 5 s after the last check (a handle left open)`);
  process.exit(3);
}, 5000).unref();
