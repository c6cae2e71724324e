import Bottleneck from 'bottleneck';
import pRetry from 'p-retry';
import { expectSuccess } from './expectSuccess.js';
import type { Stack, StackOptions } from './Stack.js';
import { signedUrl } from './signedUrl.js';

/**
 * The stack people write by hand: p-retry (5 attempts, 100 ms to 5 s backoff) around one
 * Bottleneck per action around `fetch`, each attempt signed anew and taking its own slot.
 */
export function handMade(settings: Bottleneck.ConstructorOptions, label: string) {
  return ({ target, action }: StackOptions): Stack => {
    const limiter = new Bottleneck(settings);
    return {
      name: `p-retry+Bottleneck ${label}`,
      async call(params) {
        await pRetry(
          async () => {
            const res = await limiter.schedule(() =>
              fetch(signedUrl(target, action), {
                method: 'POST',
                body: JSON.stringify(params),
                headers: { 'content-type': 'application/json' },
              }),
            );
            expectSuccess(await res.json());
          },
          { retries: 4, minTimeout: 100, maxTimeout: 5000, randomize: true },
        );
      },
      async close() {
        await limiter.stop({ dropWaitingJobs: true });
      },
    };
  };
}
