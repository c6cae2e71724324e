import { expectSuccess } from './expectSuccess.js';
import type { StackFactory } from './Stack.js';
import { signedUrl } from './signedUrl.js';

/** Node's global `fetch`, signed per call, no remedies. */
export const bareFetch: StackFactory = ({ target, action }) => ({
  name: 'bare fetch',
  async call(params) {
    const res = await fetch(signedUrl(target, action), {
      method: 'POST',
      body: JSON.stringify(params),
      headers: { 'content-type': 'application/json' },
    });
    expectSuccess(await res.json());
  },
  close: async () => {},
});
