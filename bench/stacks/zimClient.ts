import type { ZimAction } from 'zim-resilience';
import { pkg } from '../pkg.js';
import type { StackFactory } from './Stack.js';

/** Ours, new-code door: `createZimClient(...).call(action, params)`. */
export const zimClient: StackFactory = ({ target, action, limits, retry }) => {
  const client = pkg.createZimClient({
    appId: target.appId,
    serverSecret: target.serverSecret,
    baseUrl: target.url,
    ...(limits && { limits }),
    ...(retry && { retry }),
  });
  return {
    name: 'createZimClient',
    async call(params) {
      // The action is only known at run time: its parameters are checked by the server, not here.
      await client.call(action as ZimAction, params as never);
    },
    close: () => client.close(),
  };
};
