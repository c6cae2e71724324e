import { fetchAttempt } from '../transport/fetchAttempt.js';
import type { ClientDoor } from './ClientDoor.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * The client's door through `fetch` (on a runtime whose `undici` is not the real one, such as Bun,
 * or given the `fetch` option): the transport of `resilientFetch`. The engine bounds each attempt
 * (its signal aborts the request and the reading of the body), the body is read up to
 * `maxBodyBytes` (`fetch` has decoded it), and a redirect is not followed, as with undici's `request`.
 */
export function fetchDoor(fetchImpl: typeof fetch, baseUrl: URL, maxBodyBytes: number): ClientDoor {
  const base = baseUrl.href;
  return {
    base,
    appliesTimeout: false,
    send(query, method, body, signal, _timeoutMs, traced) {
      const headers = traced && body !== undefined ? { ...JSON_HEADERS, ...traced } : traced;
      const init: RequestInit =
        body === undefined
          ? { method, redirect: 'manual', ...(headers && { headers }) }
          : { method, body, headers: headers ?? JSON_HEADERS, redirect: 'manual' };
      return fetchAttempt(fetchImpl, base + query, init, signal, maxBodyBytes);
    },
    close: () => Promise.resolve(),
  };
}
