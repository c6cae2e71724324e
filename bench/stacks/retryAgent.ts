import { Agent, RetryAgent, request } from 'undici';
import { expectSuccess } from './expectSuccess.js';
import type { StackFactory } from './Stack.js';
import { signedUrl } from './signedUrl.js';

/** undici's own `RetryAgent` (default options) over a keep-alive Agent, signed per call. */
export const retryAgent: StackFactory = ({ target, action }) => {
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const dispatcher = new RetryAgent(agent);
  return {
    name: 'undici RetryAgent',
    async call(params) {
      const res = await request(signedUrl(target, action), {
        method: 'POST',
        dispatcher,
        body: JSON.stringify(params),
        headers: { 'content-type': 'application/json' },
      });
      expectSuccess(await res.body.json());
    },
    close: () => dispatcher.destroy(),
  };
};
