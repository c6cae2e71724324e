// Many processes, one budget: three worker processes call UserRegister (20/s for the whole app)
// at once, sharing their limits through Redis. The server never sees more than 20 in a second.
//
//   REDIS_URL=redis://127.0.0.1:6379 npx tsx examples/redis-workers.ts
import { fork } from 'node:child_process';
import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const redis = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

if (process.env['WORKER']) {
  // A worker: the same options as a single process, plus `redis`.
  const zim = createZimClient({
    appId: Number(process.env['APP_ID']),
    serverSecret: process.env['SECRET']!,
    baseUrl: process.env['MOCK_URL']!,
    redis,
    hooks: { cluster: (e) => console.log(`worker ${process.pid}: limits ${e.state} (${e.reason})`) },
  });
  // No wait needed: the first calls wait for Redis (redis.connectTimeoutMs) before taking a slot.
  const calls = Array.from({ length: 30 }, (_, i) =>
    zim.call('UserRegister', { UserInfo: [{ UserId: `w${process.pid}-${i}`, UserName: 'Worker user' }] }),
  );
  const results = await Promise.allSettled(calls);
  await zim.close(); // gives the shared slots back, closes every Redis connection
  process.exitCode = results.every((r) => r.status === 'fulfilled') ? 0 : 1;
} else {
  const server = await startMockZimServer();
  const env = {
    ...process.env,
    WORKER: '1',
    MOCK_URL: server.url,
    APP_ID: String(server.appId),
    SECRET: server.serverSecret,
  };
  const workers = [1, 2, 3].map(
    () =>
      new Promise<number>((resolve) =>
        fork(new URL(import.meta.url).pathname, { env }).on('exit', (code) => resolve(code ?? 1)),
      ),
  );
  const codes = await Promise.all(workers);
  const s = server.stats().UserRegister;
  console.log(
    `3 workers x 30 calls: ${s.accepted} accepted, ${s.rejected} rate-limited, at most ${s.maxInAnySecond} in any second`,
  );
  await server.close();
  process.exitCode = codes.every((c) => c === 0) && s.rejected === 0 && s.maxInAnySecond <= 20 ? 0 : 1;
}
