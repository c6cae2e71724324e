import type { Category } from './Category.js';

/**
 * The category an HTTP status calls for on its own, before the body is read:
 * - 2xx: `undefined`, the body's `Code` decides;
 * - 429: `rate-limited`;
 * - 408 and 5xx: `retryable`;
 * - 401 and 403: `auth`;
 * - any other status (other 4xx, 1xx, 3xx, or outside 100-599): `fatal`.
 *
 * @example classifyHttpStatus(503) // 'retryable'
 *
 * @public
 */
export function classifyHttpStatus(status: number): Category | undefined {
  if (!Number.isInteger(status)) return 'fatal';
  if (status >= 200 && status <= 299) return undefined;
  if (status === 429) return 'rate-limited';
  if (status === 408 || (status >= 500 && status <= 599)) return 'retryable';
  if (status === 401 || status === 403) return 'auth';
  return 'fatal';
}
