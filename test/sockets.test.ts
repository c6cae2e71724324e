import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZimClient } from '../src/index.js';
import { runChild } from './helpers/runChild.js';

// A socket for every call (issue 29): the client's own Agent caps its sockets per origin, so a
// burst of 5,000 calls at once on an action without a limit opens at most maxConnections (128 by
// default), none failed, under `ulimit -n 1024` too (systemd's default soft limit for services).
// Counted at the server. The time against 32 in flight is measured in the bench (bench/sockets.ts).
// A call waits for a socket in undici's queue, and that wait counts in its attempt timeout: on this
// shared 2-core machine 5,000 calls took up to 12 s, so the timeout here is a minute (10 s by default).
const retry = { attemptTimeoutMs: 60_000 };

/** A server answering every call `Code: 0` after 2 ms, counting the connections made to it. */
let server: Server;
let connections = 0;
let url: string;
beforeEach(async () => {
  connections = 0;
  server = createServer((_req, res) => {
    setTimeout(() => {
      res.setHeader('content-type', 'application/json');
      res.end('{"Code":0,"Message":"success","RequestId":"1","UserInfos":[]}');
    }, 2);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const burst = (env: Record<string, string>) =>
  runChild(
    'sh',
    ['-c', `ulimit -n 1024 && exec "${process.execPath}" --import tsx test/fixtures/burstWorker.ts`],
    {
      env: { BURST_URL: url, ...env },
      timeoutMs: 120_000,
    },
  );

describe("the client's own Agent caps its sockets", () => {
  it('5,000 calls at once on an unlimited action: at most 128 sockets, none failed', async () => {
    const zim = createZimClient({
      appId: 1,
      serverSecret: 's',
      baseUrl: url,
      limits: { QueryUserInfos: false },
      retry,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 5000 }, () => zim.call('QueryUserInfos', { UserIds: ['u1'] })),
    );
    await zim.close();
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(failed.length, String(failed[0]?.reason)).toBe(0);
    expect(connections).toBeGreaterThan(1);
    expect(connections).toBeLessThanOrEqual(128); // before: 5,000
  }, 60_000);

  it('maxConnections is checked: a positive integer or Infinity, and not beside a dispatcher of yours', () => {
    const base = { appId: 1, serverSecret: 's', baseUrl: url };
    expect(() => createZimClient({ ...base, maxConnections: 0 })).toThrow(
      'expected maxConnections to be a positive integer or Infinity, got 0',
    );
    expect(() => createZimClient({ ...base, maxConnections: 1.5 })).toThrow(/got 1.5/);
    expect(() => createZimClient({ ...base, maxConnections: 8, dispatcher: new Agent() })).toThrow(
      /a dispatcher given keeps its own settings \(give it connections: 8\)/,
    );
  });

  it('maxConnections: 16 opens at most 16', async () => {
    const zim = createZimClient({
      appId: 1,
      serverSecret: 's',
      baseUrl: url,
      limits: { QueryUserInfos: false },
      maxConnections: 16,
      retry,
    });
    await Promise.all(Array.from({ length: 500 }, () => zim.call('QueryUserInfos', { UserIds: ['u1'] })));
    await zim.close();
    expect(connections).toBeLessThanOrEqual(16);
  });

  it('under ulimit -n 1024: 5,000 at once, none failed, at most 128 sockets (before: every one failed, EMFILE)', async () => {
    const run = await burst({});
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: 5000, failed: 0 });
    expect(connections).toBeLessThanOrEqual(128);
  }, 120_000);

  it('without a cap under ulimit -n 1024: EMFILE is told as the descriptor limit, nothing sent, retried', async () => {
    const run = await burst({ BURST_MAX_CONNECTIONS: 'Infinity', BURST_CALLS: '1500' });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      failed: number;
      first?: { message: string; attempts: number; mayHaveCommitted: boolean; kind: string };
    };
    if (result.failed === 0) return; // the machine was fast enough to need fewer descriptors
    expect(result.first).toMatchObject({ mayHaveCommitted: false, kind: 'file-descriptors' });
    expect(result.first!.attempts).toBeGreaterThan(1); // retried (without spending the retry budget)
    expect(result.first!.message).toContain('descriptor limit (ulimit -n) (EMFILE); nothing was sent');
    expect(result.first!.message).toContain('LimitNOFILE=');
    expect(result.first!.message).toContain('maxConnections');
  }, 120_000);
});
