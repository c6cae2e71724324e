import { Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZimTransportError } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { QUERY, SEND, threeDoors } from './helpers/threeDoors.js';

// Every call ends within deadlineMs + attemptTimeoutMs whatever the transport does: the attempt's
// own timer settles it even when the dispatcher (or fetch) never calls back (issue 29).

/** A dispatcher that takes every request and never calls its handler back, nor honours an abort. */
class Silent extends Dispatcher {
  dispatched = 0;
  override dispatch(): boolean {
    this.dispatched++;
    return true;
  }
  override close(): Promise<void> {
    return Promise.resolve();
  }
  override destroy(): Promise<void> {
    return Promise.resolve();
  }
}

let server: MockZimServer;
beforeEach(async () => {
  server = await startMockZimServer({ users: ['u1', 'u2'] });
});
afterEach(async () => {
  await server.close();
});

const attemptTimeoutMs = 200;
const deadlineMs = 300;

describe('an attempt ends at its own timer, whatever the dispatcher does', () => {
  for (const action of ['QueryUserInfos', 'SendPeerMessage'] as const) {
    it(`${action}: a dispatcher that never calls back cannot hold the call (every door)`, async () => {
      const silent = new Silent();
      let fetched = 0;
      // a fetch that never settles and ignores its signal
      const deaf = (() => {
        fetched++;
        return new Promise(() => {});
      }) as unknown as typeof fetch;
      const doors = threeDoors({
        baseUrl: server.url,
        appId: server.appId,
        serverSecret: server.serverSecret,
        retry: { maxAttempts: 3, attemptTimeoutMs, deadlineMs },
        dispatcher: silent,
        fetch: deaf,
      });
      for (const door of doors) {
        const t0 = Date.now();
        const error = await door.call(action, action === 'SendPeerMessage' ? SEND : QUERY).catch((e) => e);
        const took = Date.now() - t0;
        expect(error, door.name).toBeInstanceOf(ZimTransportError);
        expect((error as ZimTransportError).message, door.name).toMatch(/attempt timeout of 200 ms/);
        // before: the client and the fetch door never ended (the test timed out)
        expect(took, door.name).toBeLessThan(deadlineMs + attemptTimeoutMs + 1500);
        await door.close();
      }
      expect(silent.dispatched).toBeGreaterThanOrEqual(2); // the client and the interceptor
      expect(fetched).toBeGreaterThanOrEqual(1);
    });
  }
});
