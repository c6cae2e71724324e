import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const server = await startMockZimServer({ users: ['u1', 'u2'] });
// #region readme
const zim = createZimClient({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
  limits: {
    SendPeerMessage: { perSecond: 10 }, // half the documented 20/s: another service sends too
    QueryUserInfos: { burst: 5 }, // 20/s, at most 5 back to back: spread over the second
    CheckUsersIsInBlacklist: false, // no limit on this side (the server's still applies)
  },
});

const seconds = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return Math.round((performance.now() - started) / 1000);
};

// 1 call/s per group: two invites into each of two groups take one second, not three.
for (const GroupId of ['g1', 'g2']) await zim.call('CreateGroup', { GroupId, GroupOwner: 'u1' });
const invites = await seconds(() =>
  Promise.all(
    ['g1', 'g1', 'g2', 'g2'].map((GroupId) =>
      zim.call('InviteUsersIntoGroup', {
        GroupId,
        FromUserId: 'u1',
        UserIds: ['u2'],
        GroupMemberInfos: [{ UserId: 'u2' }],
      }),
    ),
  ),
);
console.log(`4 invites into 2 groups: ${invites} s`);
// #endregion readme

// QueryMessagesByMsgSeq counts messages, 20 per second: three calls of 8 cannot share one second.
const byMsgSeq = await seconds(() =>
  Promise.all(
    [1, 2, 3].map(() =>
      zim.call('QueryMessagesByMsgSeq', {
        FromUserId: 'u1',
        ConvId: 'u2',
        ConvType: 0,
        MsgSeqList: [1, 2, 3, 4, 5, 6, 7, 8],
      }),
    ),
  ),
);
const seen = server.stats().QueryMessagesByMsgSeq;
console.log(
  `3 x 8 messages: ${byMsgSeq} s, at most ${seen.maxInAnySecond} in any second, ${seen.rejected} refused`,
);

await zim.close();
await server.close();
