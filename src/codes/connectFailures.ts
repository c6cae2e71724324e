import { subscribe } from 'node:diagnostics_channel';

/**
 * Errors undici reported on `undici:client:connectError`: its connector failed (DNS, TCP, TLS
 * handshake, a proxy's tunnel), so the request was never written on that connection. Both the
 * `undici` package and Node's own `fetch` publish there. Each with the `host` (`name:port`) the
 * connect was for. Held weakly: an error is forgotten with it.
 */
const failed = new WeakMap<object, string | undefined>();

subscribe('undici:client:connectError', (message) => {
  const { error, connectParams } = message as { error?: unknown; connectParams?: { host?: unknown } };
  if (typeof error === 'object' && error !== null)
    failed.set(error, typeof connectParams?.host === 'string' ? connectParams.host : undefined);
});

/** True when undici said this error object ended a connect: nothing of the request was written. */
export function failedInConnect(error: object): boolean {
  return failed.has(error);
}

/** The `host` (`name:port`) of the connect this error ended, when undici said so. */
export function connectTargetOf(error: object): string | undefined {
  return failed.get(error);
}
