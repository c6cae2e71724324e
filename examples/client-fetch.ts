// The client through fetch: what it does by itself on Bun (whose `undici` is a stand-in), and what
// the `fetch` option does anywhere: any fetch, here one that logs each attempt. Every remedy stays.
import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const server = await startMockZimServer();
server.script('UserRegister', [{ code: 1 }]); // busy once: retried, re-signed

let attempts = 0;
const zim = createZimClient({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
  fetch: (input, init) => {
    attempts++;
    console.log(`attempt ${attempts}: ${init?.method} ${new URL(String(input)).searchParams.get('Action')}`);
    return fetch(input, init); // or Bun's fetch with its own options (proxy, tls)
  },
});

const body = await zim.call('UserRegister', { UserInfo: [{ UserId: 'u1', UserName: 'Ann' }] });
console.log(`UserRegister answered Code ${body.Code} after ${attempts} attempts through fetch`);

await zim.close();
await server.close();
