import { show } from '../options/resolveOptions.js';

/**
 * What `resilientFetch` (the `zim` field of its `init`) and `zimInterceptor` (the `zim` field of
 * the dispatch options, e.g. `request(url, { zim: { priority: 1 } })`) take per request: the
 * per-call options of `CallOptions` that the fetch and undici doors have no other place for.
 * Undici's own `fetch` does not hand its init to interceptors: use `request`, or `resilientFetch`.
 *
 * @public
 */
export interface ZimRequestOptions {
  /** As `CallOptions.priority`. @default 0 */
  readonly priority?: number;
  /** As `CallOptions.maxQueueWaitMs`. @default the `maxQueueWaitMs` option (no bound) */
  readonly maxQueueWaitMs?: number;
}

const KEYS = ['priority', 'maxQueueWaitMs'];

/**
 * The `zim` field of a request, checked (a `TypeError` naming `name` for a wrong one).
 * @internal
 */
export function zimRequestOptionsOf(value: unknown, name: string): ZimRequestOptions {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`expected ${name} to be an object, got ${show(value)}`);
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (!KEYS.includes(key))
      throw new TypeError(`unknown option ${name}.${key} (expected ${KEYS.join(' or ')})`);
  const { priority, maxQueueWaitMs } = o;
  if (priority !== undefined && !Number.isSafeInteger(priority))
    throw new TypeError(`expected ${name}.priority to be an integer, got ${show(priority)}`);
  if (
    maxQueueWaitMs !== undefined &&
    (typeof maxQueueWaitMs !== 'number' || Number.isNaN(maxQueueWaitMs) || maxQueueWaitMs < 0)
  )
    throw new TypeError(`expected ${name}.maxQueueWaitMs to be a number >= 0, got ${show(maxQueueWaitMs)}`);
  return o as ZimRequestOptions;
}
