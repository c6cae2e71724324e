// Code that uses undici: compose the interceptor into an Agent and make it the global dispatcher.
// Requests to baseUrl with an ?Action= get the remedies; every other request passes untouched.
import { Agent, getGlobalDispatcher, request, setGlobalDispatcher } from 'undici';
import { type ZimBody, zimInterceptor } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

// A local ZIM server whose clock is 15 minutes ahead, and that is busy at the first lookup.
const server = await startMockZimServer({ clockOffsetMs: 15 * 60_000 });
server.script('QueryUserInfos', [{ code: 1 }]);

const zim = zimInterceptor({ appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url });
const agent = new Agent().compose(zim);
const previous = getGlobalDispatcher();
setGlobalDispatcher(agent);
try {
  // No signature here: with appId and serverSecret, the interceptor signs every attempt.
  const { statusCode, body } = await request(`${server.url}/?Action=UserRegister`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ UserInfo: [{ UserId: 'bob', UserName: 'Bob' }] }),
  });
  const registered = (await body.json()) as ZimBody;
  const seen = JSON.stringify(server.stats().UserRegister.codes); // 100000004: signature expired
  console.log(`UserRegister: HTTP ${statusCode}, Code ${registered.Code}, re-signed (codes seen: ${seen})`);

  const lookup = await request(`${server.url}/?Action=QueryUserInfos`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ UserIds: ['bob'] }),
  });
  const answer = (await lookup.body.json()) as ZimBody & { Result: { UserName: string }[] };
  if (answer.Code !== 0) throw new Error(`QueryUserInfos failed with Code ${answer.Code}`);
  const attempts = server.stats().QueryUserInfos.arrivals;
  console.log(`QueryUserInfos found ${answer.Result[0]?.UserName} after ${attempts} attempts`);
} finally {
  setGlobalDispatcher(previous);
  await agent.close();
  await zim.close();
  await server.close();
}
