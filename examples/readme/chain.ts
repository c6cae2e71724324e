import { createZimClient, type Interceptor } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const server = await startMockZimServer();
server.script('QueryUserInfos', [{ code: 1 }]); // busy once

// Your own step, of the same shape as the built-in ones: (next) => (call) => Promise<Outcome>.
const log: Interceptor = (next) => async (call) => {
  const started = performance.now();
  const outcome = await next(call);
  const ms = Math.round(performance.now() - started);
  console.log(
    `${call.action} attempt ${call.state.attempts}: ${outcome.category} (Code ${outcome.code}) in ${ms} ms`,
  );
  return outcome;
};

const zim = createZimClient({
  appId: server.appId,
  serverSecret: server.serverSecret,
  baseUrl: server.url,
  // The chain is retry, throttle, sign, classify (outermost first). Placed before classify, `log`
  // sees every attempt, classified. Any order that would break a promise is a TypeError (docs/chain.md).
  interceptors: [{ name: 'log', interceptor: log, before: 'classify' }],
});
await zim.call('QueryUserInfos', { UserIds: ['u1'] });
await zim.close();
await server.close();
