import { Agent } from 'undici';

/** The most sockets the client's own Agent opens to one origin, unless `maxConnections` says otherwise. */
const DEFAULT_MAX_CONNECTIONS = 128;

/**
 * `maxConnections` checked: a positive integer, or `Infinity` (no cap); only for the client's own
 * Agent (a dispatcher given keeps its own settings, a `fetch` given has none of ours).
 */
export function checkMaxConnections(value: unknown, own: 'dispatcher' | 'fetch' | undefined): number {
  if (value === undefined) return DEFAULT_MAX_CONNECTIONS;
  if (!(value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && (value as number) >= 1)))
    throw new TypeError(
      `expected maxConnections to be a positive integer or Infinity, got ${typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? typeof value)}`,
    );
  if (own !== undefined)
    throw new TypeError(
      own === 'dispatcher'
        ? `expected maxConnections without dispatcher, got both: a dispatcher given keeps its own settings (give it connections: ${String(value)})`
        : 'expected maxConnections without fetch, got both: a fetch given keeps its own connections',
    );
  return value as number;
}

/**
 * The client's own Agent: keep-alive, at most `maxConnections` sockets per origin (undici's default
 * has no cap: a burst of 5,000 calls opened 5,000 sockets, and failed with EMFILE under
 * `ulimit -n 1024`). Calls beyond the cap wait in undici's queue for a free socket.
 */
export function clientAgent(maxConnections: number): Agent {
  return new Agent({
    keepAliveTimeout: 10_000,
    connections: Number.isFinite(maxConnections) ? maxConnections : null,
  });
}
