import { classifyCode, codeInfo, createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

console.log(classifyCode(660600004)); // 'rate-limited'
console.log(codeInfo(100000004)?.meaning);

const server = await startMockZimServer();
const zim = createZimClient({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
  // Per code: a category, or a whole entry. Here "already friends" counts as done.
  codes: { 660800027: 'success', 900001: { category: 'retryable', meaning: 'Our gateway is warming up.' } },
});
server.script('AddFriends', [{ code: 660800027 }]);
const body = await zim.call('AddFriends', { FromUserId: 'ann', FriendInfos: [{ UserId: 'bob' }] });
console.log('AddFriends resolved with Code', body.Code);
await zim.close();
await server.close();
