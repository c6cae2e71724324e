import { Agent, request } from 'undici';
import { type ZimBody, zimInterceptor } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const server = await startMockZimServer(); // in production: no mock server, baseUrl left at its default
const zim = zimInterceptor({ appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url });
const agent = new Agent().compose(zim); // or setGlobalDispatcher(agent), for undici's fetch too

const { statusCode, body } = await request(`${server.url}/?Action=QueryUserInfos`, {
  dispatcher: agent,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ UserIds: ['u1'] }),
});
console.log(`QueryUserInfos: HTTP ${statusCode}, Code ${((await body.json()) as ZimBody).Code}`);

await agent.close();
await zim.close();
await server.close();
