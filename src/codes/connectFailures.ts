import { subscribe } from 'node:diagnostics_channel';

/**
 * Errors undici reported on `undici:client:connectError`: its connector failed (DNS, TCP, TLS
 * handshake, a proxy's tunnel), so the request was never written on that connection. Both the
 * `undici` package and Node's own `fetch` publish there. Held weakly: an error is forgotten with it.
 */
const failed = new WeakSet<object>();

subscribe('undici:client:connectError', (message) => {
  const error = (message as { error?: unknown }).error;
  if (typeof error === 'object' && error !== null) failed.add(error);
});

/** True when undici said this error object ended a connect: nothing of the request was written. */
export function failedInConnect(error: object): boolean {
  return failed.has(error);
}
