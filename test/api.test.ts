import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { didYouMean } from '../src/core/didYouMean.js';
import { classifyCode, createZimClient, resilientFetch, ZIM_ACTIONS, type ZimClient } from '../src/index.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('generated from spec/zim-api.json', () => {
  it('each action has its official page, the one spec/actions.tsv names, and its JSDoc links to it', () => {
    const rows = read('../spec/actions.tsv').trim().split('\n').slice(1);
    const types = read('../src/generated/ZimApi.ts');
    expect(rows).toHaveLength(72);
    for (const [action, , , , , , doc] of rows.map((r) => r.split('\t'))) {
      const entry = ZIM_ACTIONS[action as keyof typeof ZIM_ACTIONS];
      expect(entry.doc).toBe(`https://www.zegocloud.com/docs/zim-server/${doc}`);
      expect(types).toContain(`/** ${entry.method} ${action}: ${entry.doc} */`);
      expect(types).toContain(`export interface ${action}Response {`);
    }
  });

  it("each action's entry carries the codes its page lists, each classified", () => {
    const api = JSON.parse(read('../spec/zim-api.json')) as { actions: Record<string, { codes: number[] }> };
    for (const [action, { codes }] of Object.entries(api.actions)) {
      expect(ZIM_ACTIONS[action as keyof typeof ZIM_ACTIONS].codes).toEqual(codes);
    }
    expect(ZIM_ACTIONS.SendPeerMessage.codes).toEqual([660000011, 660000025, 660400001]);
    expect(ZIM_ACTIONS.SendPeerMessage.codes.map((c) => classifyCode(c))).toEqual([
      'fatal',
      'fatal',
      'fatal',
    ]);
  });
});

describe('didYouMean', () => {
  const names = Object.keys(ZIM_ACTIONS);
  it('finds the action meant by a typo, a swap or a case slip', () => {
    expect(didYouMean('UserRegistr', names)).toBe('UserRegister');
    expect(didYouMean('SendPeerMesage', names)).toBe('SendPeerMessage');
    expect(didYouMean('sendpeermessage', names)).toBe('SendPeerMessage');
    expect(didYouMean('QeuryUserInfos', names)).toBe('QueryUserInfos');
  });
  it('suggests nothing far away', () => {
    expect(didYouMean('Hello', names)).toBeUndefined();
    expect(didYouMean('DeleteEverything', names)).toBeUndefined();
  });
});

describe('unknown action names at run time (plain JavaScript)', () => {
  let server: Server | undefined;
  let client: ZimClient<'NewAction'> | undefined;
  afterEach(async () => {
    await client?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    client = server = undefined;
  });

  /** A server that records every request and answers Code 0. */
  async function recording() {
    const seen: { url: string; body: string }[] = [];
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', body });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ Code: 0, Message: 'success', RequestId: 'r', Answer: 42 }));
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return { seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  it('call: a TypeError with "did you mean ...?" before anything is sent or any slot taken', async () => {
    const { seen, url } = await recording();
    const attempts: string[] = [];
    client = createZimClient({
      appId: 1,
      serverSecret: 's',
      baseUrl: url,
      customActions: ['NewAction'],
      hooks: { attempt: (e) => attempts.push(e.action), throttle: (e) => attempts.push(e.action) },
    });
    const untyped = client.call as (action: string, params?: object) => Promise<unknown>;
    const error = await untyped('UserRegistr', { UserInfo: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      'expected action to name a documented ZIM action, got "UserRegistr": did you mean UserRegister? ' +
        '(an action the documents do not have yet goes in the customActions option)',
    );
    await expect(untyped('Frobnicate', {})).rejects.toThrow(/"Frobnicate": not a documented ZIM action/);
    expect(seen).toEqual([]);
    expect(attempts).toEqual([]);

    // The way out: an action of customActions goes out with any parameters, its answer untyped.
    const body = await client.call('NewAction', { Anything: [1, 2] }, { method: 'POST' });
    expect(body).toMatchObject({ Code: 0, Answer: 42 });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toMatch(/^\/\?Action=NewAction&/);
    expect(JSON.parse(seen[0]!.body)).toEqual({ Anything: [1, 2] });
    expect(attempts).toEqual(['NewAction']);
  });

  it('limits and idempotent: an unknown action is a TypeError naming the option, unless in customActions', () => {
    const o = { appId: 1, serverSecret: 's' };
    const build = (extra: object) => () => createZimClient({ ...o, ...extra } as never).close();
    expect(build({ limits: { UserRegistr: { perSecond: 5 } } })).toThrow(
      'expected each key of limits to name a documented ZIM action, got "UserRegistr": did you mean UserRegister?',
    );
    expect(build({ idempotent: { SendPeerMesage: true } })).toThrow(
      'expected each key of idempotent to name a documented ZIM action, got "SendPeerMesage": did you mean SendPeerMessage?',
    );
    expect(build({ limits: { UserRegistr: false } })).toThrow(/did you mean UserRegister\?/);
    expect(build({ customActions: 'NewAction' })).toThrow(
      'expected customActions to be an array of action names, got "NewAction"',
    );
    expect(build({ customActions: ['New Action'] })).toThrow(/customActions/);
    expect(
      build({ customActions: ['UserRegistr'], limits: { UserRegistr: { perSecond: 5 } } }),
    ).not.toThrow();
    expect(build({ customActions: ['X'], idempotent: { X: true } })).not.toThrow();
    // The other doors share the check.
    expect(() => resilientFetch(fetch, { limits: { UserRegistr: false } } as never)).toThrow(
      /did you mean UserRegister\?/,
    );
  });
});
