import { Agent, request } from 'undici';
import { pkg } from '../pkg.js';
import { expectSuccess } from './expectSuccess.js';
import type { StackFactory } from './Stack.js';

/** Ours, undici door: `new Agent().compose(zimInterceptor(options))` and `undici.request`. */
export const zimUndici: StackFactory = ({ target, action, limits, retry }) => {
  const interceptor = pkg.zimInterceptor({
    appId: target.appId,
    serverSecret: target.serverSecret,
    baseUrl: target.url,
    ...(limits && { limits }),
    ...(retry && { retry }),
  });
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const dispatcher = agent.compose(interceptor);
  const url = `${target.url}/?Action=${action}`;
  return {
    name: 'zimInterceptor (undici)',
    async call(params) {
      const res = await request(url, {
        method: 'POST',
        dispatcher,
        body: JSON.stringify(params),
        headers: { 'content-type': 'application/json' },
      });
      expectSuccess(await res.body.json());
    },
    async close() {
      await interceptor.close();
      await agent.destroy();
    },
  };
};
