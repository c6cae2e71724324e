// New code: createZimClient. Register users in batches, create a group, welcome everyone.
import { createZimClient, isZimApiError, ZimTransportError } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

// A local ZIM server with faults switched on and a clock 15 minutes ahead of ours. In production,
// leave it out: pass your AppId and ServerSecret, and leave baseUrl to its default.
const server = await startMockZimServer({
  faults: { busy: 0.1, gateway: 0.05, http503: 0.05, resetAfterCommit: 0.05 },
  clockOffsetMs: 15 * 60_000,
  seed: 42,
});

const retries = new Map<string, number>();
const zim = createZimClient({
  appId: server.appId,
  serverSecret: server.serverSecret, // or () => readSecret(): read again before every attempt
  baseUrl: server.url,
  hooks: { retry: (e) => retries.set(e.reason, (retries.get(e.reason) ?? 0) + 1) },
});

type ItemErrors = { ErrorList?: { UserId: string; SubCode: number }[] };

try {
  // 60 users, 20 per call (up to 100 are allowed). The calls start at once: the client keeps
  // UserRegister under its 20 calls per second, and repeats what the server failed to do.
  const users = Array.from({ length: 60 }, (_, i) => ({ UserId: `user${i}`, UserName: `User ${i}` }));
  const batches = [users.slice(0, 20), users.slice(20, 40), users.slice(40)];
  const answers = await Promise.all(
    batches.map((UserInfo) => zim.call<ItemErrors>('UserRegister', { UserInfo })),
  );
  // Code 0 with per-item failures: handed back, not hidden.
  const refused = answers.flatMap((a) => a.ErrorList ?? []);
  console.log(`registered ${users.length - refused.length} users, ${refused.length} refused`);

  try {
    await zim.call('CreateGroup', { GroupOwner: 'user0', GroupId: 'welcome', GroupName: 'Welcome' });
  } catch (error) {
    // 660600011: the group exists already (from an earlier run, say): fine here.
    if (!(isZimApiError(error) && error.code === 660600011)) throw error;
  }

  // A welcome message to everyone. A message whose connection dropped after it was written is
  // not sent again (it may have been delivered): the client says so, and you decide.
  const sends = await Promise.allSettled(
    users.slice(1).map((user) =>
      zim.call('SendPeerMessage', {
        FromUserId: 'user0',
        ToUserId: [user.UserId],
        MessageType: 1,
        Priority: 1,
        MessageBody: { Message: `Welcome, ${user.UserName}!` },
      }),
    ),
  );
  const errors = sends.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
  const maybeSent = errors.filter((e) => e instanceof ZimTransportError && e.mayHaveCommitted);
  console.log(`sent ${sends.length - errors.length} messages, ${maybeSent.length} maybe sent`);
  console.log('retries by reason:', Object.fromEntries(retries));
  const unexpected = errors.find((e) => !maybeSent.includes(e));
  if (unexpected) throw unexpected;
} finally {
  await zim.close();
  await server.close();
}
