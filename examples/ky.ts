// ky on top of resilientFetch: ky keeps its API, resilientFetch does the retries, throttling and
// re-signing. ky's own retry is switched off, or each of its retries would repeat ours.
import ky from 'ky';
import { resilientFetch, type ZimBody } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

// A local ZIM server that fails the first group creation with an API gateway error.
const server = await startMockZimServer();
server.script('CreateGroup', [{ code: 100000015 }]);

// #region readme
const zimFetch = resilientFetch(fetch, {
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
});
const zim = ky.create({ prefixUrl: server.url, fetch: zimFetch, retry: 0, timeout: false });
// #endregion readme
try {
  const call = <T>(Action: string, json: object) =>
    zim.post('', { searchParams: { Action }, json }).json<ZimBody & T>();

  await call('UserRegister', {
    UserInfo: [
      { UserId: 'cy', UserName: 'Cy' },
      { UserId: 'di', UserName: 'Di' },
    ],
  });
  const group = await call<{ GroupId: string }>('CreateGroup', {
    GroupOwner: 'cy',
    GroupId: 'book-club',
    GroupName: 'Book club',
    UserId: ['di'],
  });
  if (group.Code !== 0) throw new Error(`CreateGroup failed with Code ${group.Code}`);
  const members = await call<{ MemberList: { UserId: string }[] }>('QueryGroupMemberList', {
    GroupId: group.GroupId,
  });
  const ids = members.MemberList.map((m) => m.UserId).join(', ');
  console.log(
    `CreateGroup ${group.GroupId} after ${server.stats().CreateGroup.arrivals} attempts; members: ${ids}`,
  );
} finally {
  await zimFetch.close();
  await server.close();
}
