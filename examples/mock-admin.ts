// A mock for a whole team: every instance of a service under test points at one mock, and the test
// reads what the mock saw through its admin endpoint (GET /_mock/stats, /_mock/records, ...).
import { createZimClient } from 'zim-resilience';
import { mockAdmin, startMockZimServer } from 'zim-resilience/mock';

// In CI the mock is a container of its own (`zim-resilience-mock`, docs/mock.md); started here,
// with the admin endpoint the CLI serves, when ZIM_MOCK_URL does not name one.
const local = process.env['ZIM_MOCK_URL'] ? undefined : await startMockZimServer({ admin: true });
const url = process.env['ZIM_MOCK_URL'] ?? local!.url;
const credentials = { appId: 1234567890, serverSecret: '0123456789abcdef0123456789abcdef' }; // the mock's defaults

const admin = mockAdmin(url);
await admin.reset(); // counters from zero for this test (the state is kept)

// Two instances of the service, as two processes would be.
const instances = [1, 2].map(() => createZimClient({ ...credentials, baseUrl: url }));
await Promise.all(
  instances.map((zim, i) =>
    zim.call('UserRegister', {
      UserInfo: Array.from({ length: 5 }, (_, j) => ({ UserId: `user${i}-${j}`, UserName: `User ${j}` })),
    }),
  ),
);

const { arrivals, refusedByLimit, maxArrivalsInAnySecond } = (await admin.stats()).UserRegister;
const { users } = await admin.records();
console.log(
  `UserRegister: ${arrivals} arrivals, ${refusedByLimit} refused by the limit, at most ${maxArrivalsInAnySecond} in a second; ${Object.keys(users).length} users`,
);

for (const zim of instances) await zim.close();
await local?.close();
