import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const server = await startMockZimServer(); // in production: no mock server, no baseUrl
const zim = createZimClient({ appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url });

const body = await zim.call('UserRegister', { UserInfo: [{ UserId: 'u1', UserName: 'Ann' }] });
console.log('UserRegister answered Code', body.Code); // 0, or it throws a typed error

await zim.close(); // settles queued calls, frees timers and sockets
await server.close();
