import { createHash } from 'node:crypto';

/**
 * The digest of a job: its kind, action and parameters (the list, in order, included), and the
 * chunk size. The same key with another digest is another job.
 */
export function listDigest(kind: 'batch' | 'walk', action: string, params: unknown, size: number): string {
  return createHash('sha256')
    .update(JSON.stringify([kind, action, size, params]))
    .digest('base64url');
}

/** The TypeError of a key that names another job. */
export function listDigestMismatch(key: string, kind: string): TypeError {
  return new TypeError(
    `expected checkpoint.key ${JSON.stringify(key)} to name this ${kind}, got a key that names another job (a different list, order, action or parameters): forget it (zim.batch.forget) or use another key`,
  );
}
