import type { MockCallbackDelivery } from '../callbacks/MockCallbackDelivery.js';
import type { MockStats } from '../MockStats.js';
import type { MockFaults } from '../MockZimServerOptions.js';
import { MOCK_ADMIN_PATHS } from './MOCK_ADMIN_PATHS.js';
import type { MockRecordsJson } from './MockRecordsJson.js';

/**
 * The admin endpoint of a mock started elsewhere (`zim-resilience-mock`, or
 * `startMockZimServer({ admin: true })` in another process), typed: what every process of a
 * fleet under test reads and sets.
 *
 * @public
 */
export interface MockAdmin {
  /** `GET /_mock/stats`: the counters of every action, as `server.stats()`. */
  stats(): Promise<MockStats>;
  /** `GET /_mock/records`: what the server holds, as JSON. */
  records(): Promise<MockRecordsJson>;
  /** `GET /_mock/callbacks`: every callback sent so far, as `server.callbacks()`. */
  callbacks(): Promise<readonly MockCallbackDelivery[]>;
  /** `POST /_mock/faults`: replaces the faults, as `server.setFaults()`. A wrong one rejects with its TypeError. */
  setFaults(faults: MockFaults): Promise<void>;
  /** `POST /_mock/reset`: zeroes the counters, as `server.resetStats()`. */
  reset(): Promise<void>;
}

/**
 * A typed client of the mock's admin endpoint at `url` (the mock's base URL), over `fetch`.
 * An answer other than 2xx rejects: a 400 as the `TypeError` the server threw, others as an
 * `Error` with the status.
 *
 * @public
 */
export function mockAdmin(url: string | URL, fetchImpl: typeof fetch = globalThis.fetch): MockAdmin {
  const base = String(url).replace(/\/+$/, '');
  const send = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetchImpl(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
    const answer = (await res.json()) as T & { error?: string };
    if (res.status === 400) throw new TypeError(answer.error);
    if (!res.ok) throw new Error(`${path} answered HTTP ${res.status}: ${answer.error ?? ''}`);
    return answer;
  };
  return {
    stats: () => send<MockStats>(MOCK_ADMIN_PATHS.stats),
    records: () => send<MockRecordsJson>(MOCK_ADMIN_PATHS.records),
    callbacks: () => send<readonly MockCallbackDelivery[]>(MOCK_ADMIN_PATHS.callbacks),
    setFaults: async (faults) => {
      await send(MOCK_ADMIN_PATHS.faults, faults);
    },
    reset: async () => {
      await send(MOCK_ADMIN_PATHS.reset, {});
    },
  };
}
