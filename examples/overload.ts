// When demand exceeds the limit: a batch yields to direct calls, a call that cannot wait is
// refused at once, and the throttle learns that another system spends half of UserRegister's 20/s.
import { createZimClient, ZimOverloadError } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

// A local ZIM server that takes 10 UserRegister a second (someone else spends the other 10).
const server = await startMockZimServer({ limits: { UserRegister: { perSecond: 10 } } });
const zim = createZimClient({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
  hooks: {
    limitAdapted: ({ action, perSecond, why }) => {
      if (why === 'refused' && perSecond === 10) console.log(`${action}: learned ${perSecond}/s`);
    },
  },
});

try {
  // 3,000 users: 30 chunks at the job priority (-1), below every direct call.
  const users = Array.from({ length: 3000 }, (_, i) => ({ UserId: `u${i}`, UserName: `User ${i}` }));
  const imported = zim.batch('UserRegister', { UserInfo: users });
  await new Promise((r) => setTimeout(r, 300));

  const t0 = performance.now();
  await zim.call('UserRegister', { UserInfo: [{ UserId: 'vip', UserName: 'VIP' }] });
  console.log(`a direct call went ahead of the batch: ${Math.round(performance.now() - t0)} ms`);

  // A background refresh, worthless after a second: behind the batch, it is refused at once.
  try {
    await zim.call(
      'UserRegister',
      { UserInfo: [{ UserId: 'late', UserName: 'L' }] },
      { priority: -1, maxQueueWaitMs: 1000 },
    );
  } catch (error) {
    if (!(error instanceof ZimOverloadError)) throw error;
    const { queued, retryAfterMs, attempts } = error;
    console.log(
      `refused at once: ${queued} ahead, a slot in ${Math.round(retryAfterMs / 1000)} s, ${attempts} sent`,
    );
  }

  const merged = await imported;
  const { rejected } = server.stats().UserRegister;
  console.log(
    `batch: ${merged.requestIds.length} chunks, ${merged.failed.length} lost, ${rejected} refused by the server`,
  );
} finally {
  await zim.close();
  await server.close();
}
