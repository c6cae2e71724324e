import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZimClient, ZimAbortedError, ZimClosedError, type ZimParams } from '../src/index.js';

/** A server that records each request and answers after `delayMs`. */
let server: Server;
let base: string;
const MESSAGE: ZimParams<'SendPeerMessage'> = {
  FromUserId: 'a',
  ToUserId: ['b'],
  MessageType: 1,
  Priority: 1,
  MessageBody: { Message: 'hi' },
};
const recorded: string[] = [];
const delayMs = 300;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      recorded.push(new URL(req.url!, 'http://x').searchParams.get('Action')!);
      setTimeout(() => res.end('{"Code":0}'), delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const settle = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => e,
  );

describe('close() and abort end every call', () => {
  it('a serverSecret() that never resolves: abort ends the call, and so does close()', async () => {
    const client = createZimClient({
      appId: 1,
      serverSecret: () => new Promise<string>(() => {}),
      baseUrl: base,
    });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const aborted = settle(client.call('QueryUserInfos', { UserIds: ['a'] }, { signal: controller.signal }));
    const closed = settle(client.call('QueryUserInfos', { UserIds: ['a'] }));
    await new Promise((r) => setTimeout(r, 20));
    controller.abort(reason);
    const race = (p: Promise<unknown>) =>
      Promise.race([p, new Promise((r) => setTimeout(() => r('still pending'), 500))]);
    const error = await race(aborted);
    expect(error).toBeInstanceOf(ZimAbortedError);
    expect(error).toMatchObject({ cause: reason, attempts: 0, mayHaveCommitted: false }); // signing: nothing sent
    await client.close();
    expect(await race(closed)).toBeInstanceOf(ZimClosedError);
  });

  it('close() while a SendPeerMessage is in flight: the error says it may have been committed', async () => {
    recorded.length = 0;
    const client = createZimClient({ appId: 1, serverSecret: 'secret', baseUrl: base });
    const call = settle(client.call('SendPeerMessage', MESSAGE));
    while (recorded.length === 0) await new Promise((r) => setTimeout(r, 5));
    await client.close();
    const error = (await call) as ZimClosedError;
    expect(recorded).toEqual(['SendPeerMessage']); // the server has it
    expect(error).toBeInstanceOf(ZimClosedError);
    expect(error).toMatchObject({ attempts: 1, mayHaveCommitted: true });
    expect(error.message).toMatch(/may have/);
  });

  it('close() while a call waits for its slot: nothing was sent, and it says so', async () => {
    const client = createZimClient({
      appId: 1,
      serverSecret: 'secret',
      baseUrl: base,
      limits: { SendPeerMessage: { perSecond: 1 } },
    });
    const first = settle(client.call('SendPeerMessage', MESSAGE));
    const queued = settle(client.call('SendPeerMessage', MESSAGE));
    await new Promise((r) => setTimeout(r, 20));
    await client.close();
    await first;
    expect(await queued).toMatchObject({ name: 'ZimClosedError', attempts: 0, mayHaveCommitted: false });
  });
});
