// A user's names are keys: a custom action called `toString` or `constructor` must find nothing
// inherited from Object.prototype (issue 18 item 10), and a hook's rejected promise is contained
// like a throw (item 12).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createZimClient } from '../src/index.js';
import { startMockZimServer } from '../src/mock/index.js';

let server: Server;
let arrivals = 0;
let url = '';
beforeEach(async () => {
  arrivals = 0;
  // every attempt is read whole, then its connection is reset: the request was written
  server = createServer((req, res) => {
    arrivals++;
    req.resume();
    req.on('end', () => res.socket?.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

for (const action of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
  it(`a custom action named ${action} is not idempotent by inheritance: sent once when the connection resets after writing`, async () => {
    const client = createZimClient<string>({
      appId: 1,
      serverSecret: 's'.repeat(32),
      baseUrl: url,
      customActions: [action],
      limits: { [action]: { perSecond: 100 } },
      retry: { minDelayMs: 1, maxDelayMs: 2 },
    });
    const error = await client.call(action, {}).catch((e: unknown) => e as Error);
    await client.close();
    expect(error).toMatchObject({ name: 'ZimTransportError', mayHaveCommitted: true });
    expect(arrivals).toBe(1);
  });
}

it('an async hook that rejects cannot break a call nor the process: a warning, the call resolves', async () => {
  const mock = await startMockZimServer();
  const warnings: string[] = [];
  const unhandled: unknown[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('warning', onWarning);
  process.on('unhandledRejection', onUnhandled);
  try {
    const client = createZimClient({
      appId: mock.appId,
      serverSecret: mock.serverSecret,
      baseUrl: mock.url,
      hooks: {
        attempt: async () => {
          throw new Error('hook failed');
        },
        settled: () => Promise.reject(new Error('settled hook failed')),
      },
    });
    const answer = await client.call('QueryUserInfos', { UserIds: ['a'] });
    await client.close();
    await new Promise((done) => setTimeout(done, 50)); // unhandled rejections and warnings are reported on later ticks
    expect(answer.Code).toBe(0);
    expect(unhandled).toEqual([]);
    expect(warnings).toContain('zim-resilience: the attempt hook rejected: Error: hook failed');
    expect(warnings).toContain('zim-resilience: the settled hook rejected: Error: settled hook failed');
  } finally {
    process.off('warning', onWarning);
    process.off('unhandledRejection', onUnhandled);
    await mock.close();
  }
});
