/**
 * A developer's tool, not part of `npm run bench`: heap held by N calls queued behind a 1/s
 * action, as the scale section measures it (`node --expose-gc --import tsx bench/queuedMemory.ts [N]`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startMockZimServer } from '../src/mock/index.js';
import { growth, sampleMemory } from './memory.js';
import { pkg } from './pkg.js';

const n = Number(process.argv[2] ?? 100_000);
const server = await startMockZimServer({});
for (let round = 0; round < 3; round++) {
  const before = sampleMemory();
  const client = pkg.createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
  });
  let settled = 0;
  const calls: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    calls.push(
      client.call('QueryAppGroupList', {}).then(
        () => {
          settled++;
        },
        () => {
          settled++;
        },
      ),
    );
  }
  await sleep(300);
  const g = growth(before, sampleMemory());
  await client.close();
  await Promise.all(calls);
  console.log(
    `${n} queued: heap ${g.heapMB.toFixed(1)} MB (${((g.heapMB * 1024 * 1024) / n).toFixed(0)} B a call), RSS ${g.rssMB.toFixed(1)} MB; ${settled} settled`,
  );
}
await server.close();
