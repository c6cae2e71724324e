// Code that already builds and signs its own ZIM URLs and calls fetch: wrap fetch once.
// Every attempt is throttled, and re-signed when appId and serverSecret are given.
import { resilientFetch, signRequest, type ZimBody } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

// A local ZIM server that refuses the first two lookups: busy, then a proxy's 503 page.
const server = await startMockZimServer();
server.script('QueryUserInfos', [{ code: 1 }, { http: 503 }]);
const { appId, serverSecret } = server;

/** Your own code: a signed ZIM URL, as the ZIM docs describe it. */
function zimUrl(action: string): URL {
  const url = new URL(server.url); // in production: https://zim-api.zego.im/
  url.searchParams.set('Action', action);
  for (const [key, value] of Object.entries(signRequest({ appId, serverSecret }))) {
    url.searchParams.set(key, value);
  }
  return url;
}

const post = (params: object): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(params),
});

const zimFetch = resilientFetch(fetch, { appId, serverSecret, baseUrl: server.url });
try {
  const registered = await zimFetch(
    zimUrl('UserRegister'),
    post({ UserInfo: [{ UserId: 'ann', UserName: 'Ann' }] }),
  );
  console.log('UserRegister answered Code', ((await registered.json()) as ZimBody).Code);

  // The Response of the final attempt: a ZIM error code stays in its body, as with plain fetch.
  const res = await zimFetch(zimUrl('QueryUserInfos'), post({ UserIds: ['ann'] }));
  const body = (await res.json()) as ZimBody & { Result: { UserName: string }[] };
  if (body.Code !== 0) throw new Error(`QueryUserInfos failed with Code ${body.Code}`);
  const attempts = server.stats().QueryUserInfos.arrivals;
  console.log(`QueryUserInfos found ${body.Result[0]?.UserName} after ${attempts} attempts`);
} finally {
  await zimFetch.close();
  await server.close();
}
