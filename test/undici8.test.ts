import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZimClient, zimInterceptor } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { signedUrl } from './helpers/signedUrl.js';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const undici8Runs = major > 22 || (major === 22 && minor >= 19);
if (!undici8Runs)
  console.warn(`undici 8 tests skipped: Node ${process.versions.node} < 22.19 (CI runs them on Node 24)`);

let server: MockZimServer;
beforeEach(async () => {
  server = await startMockZimServer();
});
afterEach(async () => {
  await server.close();
});

const options = () => ({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
  retry: { minDelayMs: 5, maxDelayMs: 10 },
});
const post = {
  method: 'POST' as const,
  body: '{"UserIds":["a"]}',
  headers: { 'content-type': 'application/json' },
};

describe('other undici versions', () => {
  it("Node's built-in fetch accepts an undici 7 Agent composed with the interceptor", async () => {
    const interceptor = zimInterceptor(options());
    const agent = new Agent().compose(interceptor);
    server.script('QueryUserInfos', [{ code: 1 }]);
    const res = await fetch(signedUrl(server.url, 'QueryUserInfos', server.appId, server.serverSecret), {
      ...post,
      dispatcher: agent,
    } as unknown as RequestInit);
    expect(((await res.json()) as { Code: number }).Code).toBe(0);
    expect(server.stats().QueryUserInfos.arrivals).toBe(2);
    await agent.close();
    await interceptor.close();
  });

  it.skipIf(!undici8Runs)('undici 8: request and fetch through Agent.compose(zimInterceptor)', async () => {
    const undici8 = await import('undici8');
    const interceptor = zimInterceptor(options());
    const agent = new undici8.Agent().compose(interceptor);
    server.script('QueryUserInfos', [{ code: 1 }, { http: 503 }]);
    const res = await undici8.request(
      signedUrl(server.url, 'QueryUserInfos', server.appId, server.serverSecret),
      {
        ...post,
        dispatcher: agent,
      },
    );
    expect(((await res.body.json()) as { Code: number }).Code).toBe(0);
    server.script('QueryUserInfos', [{ code: 100000015 }]);
    const res2 = await undici8.fetch(
      signedUrl(server.url, 'QueryUserInfos', server.appId, server.serverSecret),
      {
        ...post,
        dispatcher: agent,
      },
    );
    expect(((await res2.json()) as { Code: number }).Code).toBe(0);
    expect(server.stats().QueryUserInfos.arrivals).toBe(5);
    await agent.close();
    await interceptor.close();
  });

  it.skipIf(!undici8Runs)(
    'undici 8: the client sends through an undici 8 Agent given as its dispatcher',
    async () => {
      const undici8 = await import('undici8');
      const agent = new undici8.Agent();
      // before: 5 attempts, then a ZimTransportError ("opts.dispatcher is not supported by instance methods")
      const zim = createZimClient({ ...options(), dispatcher: agent as unknown as Agent });
      server.script('QueryUserInfos', [{ code: 1 }]);
      await expect(zim.call('QueryUserInfos', { UserIds: ['a'] })).resolves.toMatchObject({ Code: 0 });
      expect(server.stats().QueryUserInfos.arrivals).toBe(2);
      await zim.close();
      await agent.close();
    },
  );
});
