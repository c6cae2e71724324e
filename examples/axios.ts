// axios with its fetch adapter, whose fetch is resilientFetch (axios >= 1.12 reads `env.fetch`).
// axios keeps its API; resilientFetch does the retries, throttling and re-signing.
import axios from 'axios';
import { resilientFetch, type ZimBody } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

// A local ZIM server that drops the connection at the first lookup, before answering.
const server = await startMockZimServer();
server.script('QueryUserInfos', ['reset']);

// #region readme
const zimFetch = resilientFetch(fetch, {
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
});
const zim = axios.create({ baseURL: server.url, adapter: 'fetch', env: { fetch: zimFetch } });
// #endregion readme
try {
  await zim.post<ZimBody>(
    '/',
    { UserInfo: [{ UserId: 'eve', UserName: 'Eve' }] },
    { params: { Action: 'UserRegister' } },
  );
  const { data } = await zim.post<ZimBody & { Result: { UserName: string }[] }>(
    '/',
    { UserIds: ['eve'] },
    { params: { Action: 'QueryUserInfos' } },
  );
  if (data.Code !== 0) throw new Error(`QueryUserInfos failed with Code ${data.Code}`);
  const attempts = server.stats().QueryUserInfos.arrivals;
  console.log(
    `QueryUserInfos found ${data.Result[0]?.UserName} after ${attempts} attempts (the first connection was reset)`,
  );
} finally {
  await zimFetch.close();
  await server.close();
}
