import { subscribe } from 'node:diagnostics_channel';

/**
 * The code undici 8 gives a proxy tunnel that failed before it was established
 * (`ProxyConnectionError`, nodejs/undici#5441); undici 7 lacks it.
 * @internal
 */
const TUNNEL_FAILED = 'UND_ERR_PRX_CONN';

/** `protocol//host` of every `baseUrl` a door was made for: only connects to these are touched. */
const origins = new Set<string>();

/**
 * Ends undici 7's reconnect loop on connects to `baseUrl` (nodejs/undici#3897): a proxy that closes
 * the connection during `CONNECT` fails the connect with `UND_ERR_SOCKET`, which undici 7's client
 * takes for a socket error of a request in flight, so it keeps the requests queued and connects
 * again at once, forever (about 4,400 CONNECTs a second, deaf to every AbortSignal). undici
 * publishes the failure on `undici:client:connectError` just before it decides; there its code
 * becomes `UND_ERR_PRX_CONN`, as undici 8 names it, and undici fails the queued requests instead:
 * one CONNECT per attempt, retried by the engine with backoff. Other origins are left alone.
 * @internal
 */
export function endTunnelLoopsTo(baseUrl: URL): void {
  if (origins.size < 1000) origins.add(`${baseUrl.protocol}//${baseUrl.host}`);
}

interface ConnectErrorMessage {
  readonly connectParams?: { readonly protocol?: unknown; readonly host?: unknown };
  readonly error?: unknown;
}

subscribe('undici:client:connectError', (message) => {
  const { connectParams, error } = message as ConnectErrorMessage;
  if (typeof error !== 'object' || error === null || !connectParams) return;
  const e = error as { code?: unknown };
  // UND_ERR_SOCKET and UND_ERR_INFO are the two codes undici 7 retries forever in a connect
  if (e.code !== 'UND_ERR_SOCKET' && e.code !== 'UND_ERR_INFO') return;
  if (!origins.has(`${String(connectParams.protocol)}//${String(connectParams.host)}`)) return;
  try {
    e.code = TUNNEL_FAILED;
  } catch {
    // a frozen error: nothing to do
  }
});
