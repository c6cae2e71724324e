// The mock's admin endpoint (issue 33): stats, records, callbacks, faults and reset under /_mock/,
// off the ZIM API's routes, for a fleet under test whose processes did not start the mock.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createZimClient } from '../src/index.js';
import { MOCK_ADMIN_PATHS, mockAdmin, startMockZimServer } from '../src/mock/index.js';
import { root, runNode } from './helpers/runChild.js';

describe('docs/mock.md', () => {
  it("documents every field of an action's stats, and every admin route", async () => {
    const doc = readFileSync(join(root, 'docs/mock.md'), 'utf8');
    const server = await startMockZimServer();
    const fields = Object.keys(server.stats().UserRegister);
    await server.close();
    expect(fields.length).toBeGreaterThan(8);
    for (const field of fields) expect(doc, field).toContain(`\`${field}\``);
    for (const path of Object.values(MOCK_ADMIN_PATHS)) expect(doc, path).toContain(path);
  });
});

describe('the admin endpoint, in process', () => {
  it('answers stats, records and callbacks, sets faults, resets, and refuses what is wrong', async () => {
    const server = await startMockZimServer({ admin: true, users: ['ann'] });
    try {
      const zim = createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
      });
      await zim.call('UserRegister', { UserInfo: [{ UserId: 'bob', UserName: 'Bob' }] });
      await zim.call('CreateGroup', { GroupId: 'g1', GroupOwner: 'ann', UserId: ['bob'] });
      await zim.close();
      const admin = mockAdmin(`${server.url}/`);
      expect((await admin.stats()).UserRegister).toEqual(server.stats().UserRegister);
      const records = await admin.records();
      expect(Object.keys(records.users).sort()).toEqual(['ann', 'bob']);
      expect(records.groups['g1']).toMatchObject({ OwnerId: 'ann', MemberIds: ['ann', 'bob'] });
      expect(records.groups['g1']?.Members['bob']).toMatchObject({ UserId: 'bob' });
      expect(await admin.callbacks()).toEqual([]); // no callbackUrl
      await admin.setFaults({ busy: 1 });
      const busy = await fetch(`${server.url}/?Action=QueryUserInfos`).then((r) => r.json());
      expect(busy).toMatchObject({ Code: expect.any(Number) });
      await expect(admin.setFaults({ bussy: 1 } as never)).rejects.toThrow(
        new TypeError(
          'unknown option faults.bussy: did you mean faults.busy? (known: busy, gateway, http503, resetBeforeAnswer, resetAfterCommit, slow, slowMs, actions)',
        ),
      );
      await admin.reset();
      expect((await admin.stats()).UserRegister.arrivals).toBe(0);
      expect(server.state.users.size).toBe(2); // reset zeroes the counters only
      const unknown = await fetch(`${server.url}/_mock/nothing`);
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: string }).error).toMatch(/GET \/_mock\/stats/);
    } finally {
      await server.close();
    }
  });

  it('is off unless asked for: /_mock/ is then an ordinary (refused) ZIM request', async () => {
    const server = await startMockZimServer();
    try {
      const res = await fetch(`${server.url}${MOCK_ADMIN_PATHS.stats}`);
      expect(await res.json()).toMatchObject({ Code: expect.any(Number), RequestId: expect.any(String) });
      await expect(startMockZimServer({ admin: 'yes' as never })).rejects.toThrow(
        'expected admin to be a boolean, got "yes"',
      );
    } finally {
      await server.close();
    }
  });
});

describe('the admin endpoint of the CLI, driven from two other processes', () => {
  let receiver: Server | undefined;
  afterAll(() => receiver?.close());

  it('shows every process what the others did, and takes faults from one for the other', async () => {
    // Where the mock POSTs its callbacks: this process, answering 200.
    receiver = createServer((req, res) => req.resume().on('end', () => res.end('ok')));
    await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', r));
    const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/zego`;

    let started: (lines: string[]) => void = () => {};
    const ready = new Promise<string[]>((r) => {
      started = r;
    });
    let stop = () => {};
    const cli = runNode(
      [
        '--import',
        'tsx',
        'src/mock/cli.ts',
        '--port',
        '0',
        '--callback-url',
        callbackUrl,
        '--callback-secret',
        'cb-secret',
      ],
      {
        timeoutMs: 150_000,
        onStdout: (out, kill) => {
          stop = kill;
          if (out.includes('Press Ctrl+C')) started(out.split('\n'));
        },
      },
    );
    const lines = await Promise.race([ready, cli.then((r) => Promise.reject(new Error(r.stderr)))]);
    try {
      const url = lines[0]!;
      expect(lines).toContain(`Admin: GET ${url}/_mock/stats (docs/mock.md)`);
      const env = {
        MOCK_URL: url,
        APP_ID: lines[1]!.replace('AppId: ', ''),
        SECRET: lines[2]!.replace('ServerSecret: ', ''),
      };
      const worker = async (name: string, step: string) => {
        const run = await runNode(['--import', 'tsx', 'test/fixtures/mockAdminWorker.ts'], {
          timeoutMs: 60_000, // tsx starts slowly on a loaded machine
          env: { ...env, NAME: name, STEP: step },
        });
        if (run.code !== 0) throw new Error(`worker ${name} ${step} exited ${run.code}: ${run.stderr}`);
        return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
      };

      // Two processes work at once; each reads the stats of both through the admin endpoint.
      const [a, b] = await Promise.all([worker('a', 'work'), worker('b', 'work')]);
      expect(a.sawUserRegister).toBeGreaterThanOrEqual(1);
      expect(b.sawUserRegister).toBeGreaterThanOrEqual(1);
      const admin = mockAdmin(url);
      expect((await admin.stats()).UserRegister).toMatchObject({
        arrivals: 2,
        accepted: 2,
        refusedByLimit: 0,
      });
      const records = await admin.records();
      expect(Object.keys(records.users).sort()).toEqual(['a-1', 'a-2', 'a-3', 'b-1', 'b-2', 'b-3']);
      expect(Object.keys(records.groups).sort()).toEqual(['g-a', 'g-b']);
      const deadline = Date.now() + 10_000;
      let callbacks = await admin.callbacks();
      while (callbacks.some((c) => c.outcome === 'pending') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        callbacks = await admin.callbacks();
      }
      expect(callbacks.filter((c) => c.event === 'group_create').map((c) => c.outcome)).toEqual([
        'delivered',
        'delivered',
      ]);

      // One process sets the faults; the other one's calls meet them.
      expect(await worker('a', 'fault')).toEqual({
        refused: 'TypeError: expected faults.busy to be a probability between 0 and 1, got 2',
      });
      expect(await worker('b', 'query')).toEqual({ code: 1, attempts: 2 });
      expect((await admin.stats()).QueryUserInfos.faults.busy).toBe(2);

      await admin.reset();
      expect((await admin.stats()).QueryUserInfos.arrivals).toBe(0);
    } finally {
      stop();
      await cli;
    }
  }, 180_000);
});
