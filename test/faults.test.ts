import { afterEach, expect, it } from 'vitest';
import { createZimClient, type ZimClient, ZimTransportError } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';

let server: MockZimServer | undefined;
let client: ZimClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
});

it('with every fault on and the server clock 15 minutes ahead: nothing lost, nothing sent twice', async () => {
  server = await startMockZimServer({
    seed: 7,
    users: ['u0', 'u1'], // the senders below, registered before the concurrent UserRegister calls land
    clockOffsetMs: 15 * 60_000,
    faults: { busy: 0.06, gateway: 0.04, http503: 0.04, resetBeforeAnswer: 0.03, resetAfterCommit: 0.03 },
  });
  client = createZimClient({
    appId: server.appId,
    serverSecret: server.serverSecret,
    baseUrl: server.url,
    retry: { minDelayMs: 5, maxDelayMs: 50, maxAttempts: 8 },
  });
  const c = client;
  const registers = Array.from({ length: 60 }, (_, i) =>
    c.call('UserRegister', { UserInfo: [{ UserId: `u${i}`, UserName: `U${i}` }] }),
  );
  const queries = Array.from({ length: 60 }, (_, i) => c.call('QueryUserInfos', { UserIds: [`u${i % 10}`] }));
  const sends = Array.from({ length: 60 }, (_, i) =>
    c.call('SendPeerMessage', {
      FromUserId: 'u0',
      ToUserId: ['u1'],
      MessageType: 1,
      Priority: 1,
      MessageBody: { Message: `m${i}` },
    }),
  );
  const [reg, qry, snd] = await Promise.all([registers, queries, sends].map((p) => Promise.allSettled(p)));
  for (const r of [...reg!, ...qry!]) if (r.status === 'rejected') console.log(String(r.reason));

  expect(reg!.filter((r) => r.status === 'rejected')).toEqual([]);
  expect(qry!.filter((r) => r.status === 'rejected')).toEqual([]);
  expect(server.state.users.size ?? Object.keys(server.state.users).length).toBeGreaterThanOrEqual(60);

  // Every SendPeerMessage either succeeded or said it may have been committed; none was recorded twice.
  const bodies = server.state.messages.map((m) => JSON.stringify(m.MessageBody ?? m));
  const failed = snd!.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  for (const f of failed) {
    expect(f.reason).toBeInstanceOf(ZimTransportError);
    expect(f.reason.mayHaveCommitted).toBe(true);
  }
  expect(new Set(bodies).size).toBe(bodies.length);
  const stats = server.stats();
  const totalFaults = Object.values(stats.SendPeerMessage.faults).reduce((a, b) => a + b, 0);
  console.log(
    `faults: UserRegister ${reg!.length} ok, QueryUserInfos ${qry!.length} ok, SendPeerMessage ${snd!.length - failed.length} ok + ${failed.length} may-have-committed; ` +
      `server saw ${stats.UserRegister.arrivals + stats.QueryUserInfos.arrivals + stats.SendPeerMessage.arrivals} arrivals, ${totalFaults} faults on SendPeerMessage`,
  );
  const { resetAfterCommit, resetBeforeAnswer } = stats.SendPeerMessage.faults;
  expect(failed.length).toBe(resetAfterCommit + resetBeforeAnswer); // a dropped connection after writing is never resent
  expect(bodies.length).toBe(snd!.length - failed.length + resetAfterCommit); // what was committed is recorded once
}, 60_000);
