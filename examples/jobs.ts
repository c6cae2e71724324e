// Whole jobs: import 300 users with zim.batch (chunks of 100 at UserRegister's 20/s, a progress
// line on stderr), put them in a group, then walk the group with zim.paginate.
import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

// A local ZIM server that answers "busy" now and then. In production, leave it out.
const server = await startMockZimServer({ faults: { busy: 0.1 }, seed: 7, users: ['admin', 'user3'] });
const zim = createZimClient({ appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url });

try {
  const users = Array.from({ length: 300 }, (_, i) => ({ UserId: `user${i}`, UserName: `User ${i}` }));
  const imported = await zim.batch(
    'UserRegister',
    { UserInfo: users },
    {
      onProgress: ({ done, total, failed, itemErrors }) =>
        process.stderr.write(
          `\rregistering ${done}/${total} (${itemErrors} refused one by one, ${failed} lost)`,
        ),
    },
  );
  process.stderr.write('\n');
  const exists = imported.ErrorList?.filter((e) => e.SubCode === 660700002).length ?? 0;
  console.log(
    `registered ${users.length - exists} users, ${exists} already there, ${imported.failed.length} lost`,
  );

  // CreateGroup takes 100 members; InviteUsersIntoGroup (1/s per group) adds the rest, 100 a call.
  await zim.call('CreateGroup', { GroupId: 'everyone', GroupOwner: 'admin', UserId: ['user0'] });
  const invited = await zim.batch('InviteUsersIntoGroup', {
    FromUserId: 'admin',
    GroupId: 'everyone',
    UserIds: users.slice(1).map((u) => u.UserId),
    GroupMemberInfos: [],
  });
  console.log(`invited ${299 - (invited.ErrorUsers?.length ?? 0)} in ${invited.requestIds.length} calls`);

  // Every member, every page (Limit 1000 by default: the fewest calls); each item is typed.
  const members = await zim.paginate('QueryGroupMemberList', { GroupId: 'everyone' });
  console.log(
    `the group has ${members.length} members; the owner is ${members.find((m) => m.Role === 1)?.UserId}`,
  );

  // Or page by page; breaking out fetches no further page.
  for await (const page of zim.paginate.iterator('QueryGroupMemberList', {
    GroupId: 'everyone',
    Limit: 300,
  })) {
    console.log(`first page: ${page.MemberList?.length} of ${page.TotalCount}`);
    break;
  }
} finally {
  await zim.close();
  await server.close();
}
