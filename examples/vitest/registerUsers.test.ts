import { afterEach, beforeEach, expect, it } from 'vitest';
import { createZimClient, type ZimClient } from 'zim-resilience';
import { type MockZimServer, startMockZimServer } from 'zim-resilience/mock';
import { registerUsers } from './registerUsers.js';

let server: MockZimServer;
let zim: ZimClient;

beforeEach(async () => {
  server = await startMockZimServer(); // a fresh server per test: port 0, no faults, no state
  zim = createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    retry: { minDelayMs: 1, maxDelayMs: 10 }, // short backoffs keep the tests fast
  });
});

afterEach(async () => {
  await zim.close();
  await server.close();
});

const users = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `u${i}`, name: `User ${i}` }));

it('registers everyone, 100 per call', async () => {
  expect(await registerUsers(zim, users(250))).toEqual([]);
  expect(server.state.users.size).toBe(250);
  expect(server.stats().UserRegister.arrivals).toBe(3);
});

it('hands back the users ZIM refused', async () => {
  const refused = await registerUsers(zim, [...users(2), { id: 'long', name: '€'.repeat(90) }]); // 270 bytes
  expect(refused).toEqual([{ UserId: 'long', SubCode: 660700006 }]);
  expect(server.state.users.has('long')).toBe(false);
});

it('gets through a busy server and a dropped connection', async () => {
  server.script('UserRegister', [{ code: 1 }, 'reset', { http: 503 }]);
  expect(await registerUsers(zim, users(10))).toEqual([]);
  expect(server.state.users.size).toBe(10);
  expect(server.stats().UserRegister.arrivals).toBe(4);
});

it('stays under 20 calls per second with 30 calls at once', async () => {
  await registerUsers(zim, users(3000));
  const stats = server.stats().UserRegister;
  expect(stats.rejected).toBe(0);
  expect(stats.maxInAnySecond).toBeLessThanOrEqual(20);
});
