import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCallbackReceiver } from '../src/callbacks/index.js';
import { createZimClient } from '../src/index.js';
import { startMockZimServer } from '../src/mock/index.js';
import { hasRedis, RedisServer } from './helpers/redisServer.js';
import { childEnv, root } from './helpers/runChild.js';
import { beforeSendMsg, encode, sendMsg, signed } from './helpers/zegoCallback.js';

const secret = 'fleet-secret';

interface Receiver {
  readonly url: string;
  readonly lines: string[];
  stop(): Promise<void>;
}

/** A receiver in its own Node process. */
function startReceiver(redisUrl: string, env: Record<string, string> = {}): Promise<Receiver> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/fixtures/callbackReceiverWorker.ts'],
    { cwd: root, env: { ...childEnv(), REDIS_URL: redisUrl, SECRET: secret, ...env } },
  );
  const lines: string[] = [];
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const all = out.split('\n').filter(Boolean);
      lines.splice(0, lines.length, ...all);
      const port = all.find((l) => l.startsWith('port '));
      if (port)
        resolve({
          url: `http://127.0.0.1:${port.slice(5)}/`,
          lines,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.stdin.end();
              setTimeout(() => child.kill('SIGKILL'), 3000).unref();
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}: ${err}`)));
  });
}

async function post(url: string, fields: Record<string, unknown>) {
  const { body, contentType } = encode(fields, 'json');
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType } });
  return { status: res.status, body: await res.text() };
}

const handledLines = (rs: Receiver[], prefix: string) =>
  rs.flatMap((r) => r.lines.filter((l) => l.startsWith(prefix)));

describe.skipIf(!hasRedis)('a receiver fleet sharing its dedupe through Redis', () => {
  let redis: RedisServer;
  const running: Receiver[] = [];
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('two processes: an event redelivered to the other one is handled once', async () => {
    running.push(...(await Promise.all([startReceiver(redis.url), startReceiver(redis.url)])));
    const [a, b] = running as [Receiver, Receiver];
    const event = sendMsg({ msg_id: 'fleet-1' });
    expect((await post(a.url, signed(event, { secret }))).status).toBe(200);
    expect((await post(b.url, signed(event, { secret }))).status).toBe(200);
    expect((await post(b.url, signed(event, { secret, unit: 'ms' }))).status).toBe(200);
    expect(handledLines(running, 'handled send_msg')).toEqual(['handled send_msg fleet-1']);
  });

  it('the mock redelivers through a round-robin proxy: the answer of the process that handled it is lost, the redelivery to the other is a duplicate, handled once', async () => {
    running.push(...(await Promise.all([startReceiver(redis.url), startReceiver(redis.url)])));
    const targets = running.map((r) => new URL(r.url));
    let n = 0;
    // A load balancer in front of the fleet; it loses the first answer (503 to the mock), as a timeout would.
    const proxy = createServer((req, res) => {
      const target = targets[n % targets.length] as URL;
      const lose = n++ === 1; // the first send_msg (group_create came first)
      const forward = request(target, { method: 'POST', headers: req.headers }, (answer) => {
        answer.resume();
        answer.on('end', () => {
          res.statusCode = lose ? 503 : (answer.statusCode ?? 502);
          res.end();
        });
      });
      req.pipe(forward);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const server = await startMockZimServer({
      users: ['ann'],
      callbackUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/`,
      callbackSecret: secret,
      callbackTimeScale: 0.01,
    });
    const zim = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
    });
    try {
      await zim.call('CreateGroup', { GroupId: 'g', GroupOwner: 'ann', UserId: [] });
      const { MsgId } = await zim.call('SendGroupMessage', {
        FromUserId: 'ann',
        GroupId: 'g',
        MessageType: 1,
        Priority: 1,
        MessageBody: { Message: 'once' },
      });
      await server.callbacksSettled();
      const sent = server.callbacks().find((d) => d.event === 'send_msg');
      expect(sent?.attempts.map((a) => a.status)).toEqual([503, 200]);
      expect(handledLines(running, 'handled send_msg')).toEqual([`handled send_msg ${MsgId}`]);
      expect(running[1]?.lines.filter((l) => l.startsWith('handled'))).toHaveLength(1);
    } finally {
      await zim.close();
      await server.close();
      proxy.close();
      proxy.closeAllConnections();
    }
  });

  it('two processes: a handler that failed in one releases the event, the redelivery to the other handles it', async () => {
    running.push(
      ...(await Promise.all([startReceiver(redis.url, { FAIL_FIRST: '1' }), startReceiver(redis.url)])),
    );
    const [a, b] = running as [Receiver, Receiver];
    const event = sendMsg({ msg_id: 'fleet-2' });
    expect((await post(a.url, signed(event, { secret }))).status).toBe(500);
    expect((await post(b.url, signed(event, { secret }))).status).toBe(200);
    expect((await post(a.url, signed(event, { secret }))).status).toBe(200);
    expect(a.lines.filter((l) => l.startsWith('handled'))).toEqual(['handled send_msg fleet-2']);
    expect(b.lines.filter((l) => l.startsWith('handled'))).toEqual(['handled send_msg fleet-2']);
  });

  it('two processes: before_send_msg retried at the other one, while the first still decides, gets the same verdict', async () => {
    running.push(...(await Promise.all([startReceiver(redis.url), startReceiver(redis.url)])));
    const [a, b] = running as [Receiver, Receiver];
    const event = beforeSendMsg({ request_id: 'fleet-r1' });
    const [x, y] = await Promise.all([
      post(a.url, signed(event, { secret })),
      new Promise((r) => setTimeout(r, 50)).then(() => post(b.url, signed(event, { secret }))),
    ]);
    expect([JSON.parse(x.body), JSON.parse(y.body)]).toEqual([{ result: 2 }, { result: 2 }]);
    expect(handledLines(running, 'handled before_send_msg')).toEqual(['handled before_send_msg fleet-r1']);
  });

  it('Redis unreachable: dedupe falls back to this process (and says so), callbacks are still handled', async () => {
    const down = await RedisServer.reserve();
    const errors: unknown[] = [];
    let calls = 0;
    const rx = createCallbackReceiver({
      callbackSecret: secret,
      redis: { url: down.url, commandTimeoutMs: 200 },
      hooks: { dedupeError: (e) => void errors.push(e.error) },
      on: { send_msg: () => void calls++ },
    });
    try {
      const event = signed(sendMsg({ msg_id: 'no-redis' }), { secret });
      expect((await rx.handle({ body: JSON.stringify(event) })).status).toBe(200);
      expect((await rx.handle({ body: JSON.stringify(event) })).status).toBe(200);
      expect(calls).toBe(1);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await rx.close();
    }
  });
});
