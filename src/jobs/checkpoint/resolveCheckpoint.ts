import { didYouMean } from '../../core/didYouMean.js';
import type { CheckpointOptions } from './CheckpointOptions.js';
import type { ResolvedCheckpoint, StoreContext } from './storeContext.js';

const KEYS = ['key', 'dir', 'ttlMs', 'leaseMs'];
const DAY_MS = 86_400_000;

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : v === '' ? '""' : String(v));

function positive(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  throw new TypeError(`expected checkpoint.${name} to be a positive integer (ms), got ${show(value)}`);
}

/**
 * `options.checkpoint`, checked: a key, and where to keep it: files under `dir`, else the
 * client's `redis`. Anything else (no `redis`, an unknown key, a store object) is a TypeError.
 */
export function resolveCheckpoint(value: unknown, context: StoreContext): ResolvedCheckpoint {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(
      `expected checkpoint to be { key } (the client's redis) or { key, dir } (files), got ${Array.isArray(value) ? 'an array' : show(value)}`,
    );
  for (const name of Object.keys(value)) {
    if (!KEYS.includes(name)) {
      const near = didYouMean(name, KEYS);
      throw new TypeError(
        `unknown option checkpoint.${name}${near ? ` (did you mean ${near}?)` : ''}: a checkpoint is kept in the client's redis, or in files with { key, dir }; no other store is accepted`,
      );
    }
  }
  const o = value as CheckpointOptions;
  if (!(typeof o.key === 'string' && o.key.length > 0 && o.key.length <= 512))
    throw new TypeError(
      `expected checkpoint.key to be a non-empty string of at most 512 characters, got ${o.key === '' ? 'an empty string' : show(o.key)}`,
    );
  if (o.dir !== undefined && !(typeof o.dir === 'string' && o.dir.length > 0))
    throw new TypeError(
      `expected checkpoint.dir to be a directory path, got ${o.dir === '' ? 'an empty string' : show(o.dir)}`,
    );
  if (o.dir === undefined && context.redis === undefined)
    throw new TypeError(
      'expected the client to have redis for checkpoint { key } (or give checkpoint.dir to keep it in files), got a client without redis',
    );
  return {
    key: o.key,
    dir: o.dir,
    ttlMs: positive('ttlMs', o.ttlMs, 7 * DAY_MS),
    leaseMs: positive('leaseMs', o.leaseMs, 5000),
  };
}
