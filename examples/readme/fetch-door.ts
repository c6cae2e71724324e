import { resilientFetch, type ZimBody } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const server = await startMockZimServer(); // in production: no mock server, baseUrl left at its default
const { appId, serverSecret } = server;

// Wrap fetch once: requests to baseUrl with ?Action= are throttled, retried and signed at every attempt.
const zimFetch = resilientFetch(fetch, { appId, serverSecret, baseUrl: server.url });

const res = await zimFetch(`${server.url}/?Action=UserRegister`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ UserInfo: [{ UserId: 'u1', UserName: 'Ann' }] }),
});
const body = (await res.json()) as ZimBody; // a ZIM error code stays in the body, as with plain fetch
console.log('UserRegister answered Code', body.Code);

await zimFetch.close();
await server.close();
