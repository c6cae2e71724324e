import { pkg } from '../pkg.js';
import { expectSuccess } from './expectSuccess.js';
import type { StackFactory } from './Stack.js';

/** Ours, fetch door: `resilientFetch(fetch, options)`, which signs every attempt itself. */
export const zimFetch: StackFactory = ({ target, action, limits, retry }) => {
  const wrapped = pkg.resilientFetch(fetch, {
    appId: target.appId,
    serverSecret: target.serverSecret,
    baseUrl: target.url,
    ...(limits && { limits }),
    ...(retry && { retry }),
  });
  const url = `${target.url}/?Action=${action}`;
  return {
    name: 'resilientFetch(fetch)',
    async call(params) {
      const res = await wrapped(url, {
        method: 'POST',
        body: JSON.stringify(params),
        headers: { 'content-type': 'application/json' },
      });
      expectSuccess(await res.json());
    },
    close: () => wrapped.close(),
  };
};
