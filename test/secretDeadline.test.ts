// A `serverSecret()` that never settles is user code the call waits on: the call still ends by
// `deadlineMs + attemptTimeoutMs` (issue 18 item 17), with nothing sent.
import { expect, it } from 'vitest';
import { createZimClient } from '../src/index.js';
import { startMockZimServer } from '../src/mock/index.js';

it('a serverSecret() that never settles cannot hold a call past deadlineMs + attemptTimeoutMs', async () => {
  const mock = await startMockZimServer();
  const client = createZimClient({
    appId: mock.appId,
    serverSecret: () => new Promise<string>(() => {}),
    baseUrl: mock.url,
    retry: { deadlineMs: 300, attemptTimeoutMs: 200 },
  });
  const started = performance.now();
  const outcome = await Promise.race([
    client.call('QueryUserInfos', { UserIds: ['a'] }).then(
      () => 'resolved',
      (e: Error) => e,
    ),
    new Promise((done) => setTimeout(() => done('still waiting after 5 s'), 5_000)),
  ]);
  const elapsed = performance.now() - started;
  await client.close();
  await mock.close();
  expect(outcome).toBeInstanceOf(Error);
  expect((outcome as Error).message).toMatch(/serverSecret\(\) did not settle within retry.attemptTimeoutMs/);
  expect(elapsed).toBeLessThan(300 + 200 + 1_000); // the bound, with a margin for a loaded machine
  expect(mock.stats().QueryUserInfos.arrivals).toBe(0);
}, 10_000);
