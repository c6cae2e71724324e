import { didYouMean } from '../core/didYouMean.js';
import { show } from '../options/resolveOptions.js';
import type { CallOptions } from './CallOptions.js';
import { zimRequestOptionsOf } from './ZimRequestOptions.js';

const KEYS = ['signal', 'idempotent', 'method', 'priority', 'maxQueueWaitMs'] as const;

/**
 * The options of one call, checked as client options are: an unknown key (with "did you mean")
 * or a wrong value is a `TypeError` naming it. `name` prefixes the keys in messages; `extra` are
 * the keys a job's own options add (a job checks them itself).
 * @internal
 */
export function checkCallOptions(
  options: unknown,
  name = 'options',
  extra: readonly string[] = [],
): CallOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new TypeError(`expected ${name} to be an object, got ${show(options)}`);
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if ((KEYS as readonly string[]).includes(key) || extra.includes(key)) continue;
    const near = didYouMean(key, [...KEYS, ...extra]);
    throw new TypeError(`unknown option ${name}.${key}${near ? ` (did you mean ${near}?)` : ''}`);
  }
  const { signal, idempotent, method } = o;
  if (
    signal !== undefined &&
    (typeof (signal as AbortSignal)?.aborted !== 'boolean' ||
      typeof (signal as AbortSignal).addEventListener !== 'function')
  )
    throw new TypeError(`expected ${name}.signal to be an AbortSignal, got ${show(signal)}`);
  if (idempotent !== undefined && typeof idempotent !== 'boolean')
    throw new TypeError(`expected ${name}.idempotent to be a boolean, got ${show(idempotent)}`);
  if (method !== undefined && method !== 'GET' && method !== 'POST')
    throw new TypeError(`expected ${name}.method to be 'GET' or 'POST', got ${show(method)}`);
  zimRequestOptionsOf({ priority: o['priority'], maxQueueWaitMs: o['maxQueueWaitMs'] }, name);
  return o as CallOptions;
}
