import diagnostics from 'node:diagnostics_channel';
import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

// Tracing tools can listen on node:diagnostics_channel, without access to the client's options.
const onRetry = (event: unknown) => console.log('[zim-resilience:retry]', event);
diagnostics.subscribe('zim-resilience:retry', onRetry);

const server = await startMockZimServer({ clockOffsetMs: 15 * 60_000 });
server.script('QueryUserInfos', [{ code: 100000015 }]);
const zim = createZimClient({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
  hooks: {
    resign: (e) =>
      console.log(`[hook] re-signed ${e.action} after code ${e.code}; clock offset ${e.clockOffsetMs} ms`),
    settled: (e) => console.log(`[hook] ${e.action}: ${e.category} after ${e.attempts} attempts`),
  },
});
await zim.call('QueryUserInfos', { UserIds: ['u1'] });
await zim.close();
await server.close();
diagnostics.unsubscribe('zim-resilience:retry', onRetry);
