import { Agent, request } from 'undici';
import { expectSuccess } from './expectSuccess.js';
import type { StackFactory } from './Stack.js';
import { signedUrl } from './signedUrl.js';

/** The baseline: `undici.request` on a keep-alive Agent, signed per call, no remedies. */
export const bareUndici: StackFactory = ({ target, action }) => {
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  return {
    name: 'bare undici.request',
    async call(params) {
      const res = await request(signedUrl(target, action), {
        method: 'POST',
        dispatcher: agent,
        body: JSON.stringify(params),
        headers: { 'content-type': 'application/json' },
      });
      expectSuccess(await res.body.json());
    },
    close: () => agent.destroy(),
  };
};
