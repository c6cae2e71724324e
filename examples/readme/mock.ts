import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

// Seeded faults: the same seed and the same calls give the same faults.
const server = await startMockZimServer({ faults: { busy: 0.2, gateway: 0.1 }, seed: 7 });
const zim = createZimClient({ appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url });

// Scripted answers come first, one per arrival: here a rate-limited answer, then the normal one.
server.script('QueryGroupMemberList', [{ code: 660600004 }]);

await zim.call('UserRegister', {
  UserInfo: [
    { UserId: 'ann', UserName: 'Ann' },
    { UserId: 'bob', UserName: 'Bob' },
  ],
});
await zim.call('CreateGroup', { GroupOwner: 'ann', GroupId: 'g1', GroupName: 'G', UserId: ['bob'] });
await zim.call('QueryGroupMemberList', { GroupId: 'g1' });

// What the server holds, and what it saw.
console.log(
  'users:',
  [...server.state.users.keys()],
  'members of g1:',
  server.state.groups.get('g1')?.MemberIds,
);
const { arrivals, codes, rejected } = server.stats().QueryGroupMemberList;
console.log('QueryGroupMemberList:', { arrivals, codes, rejected });

await zim.close();
await server.close();
