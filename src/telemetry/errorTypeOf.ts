import type { AttemptEndEvent } from '../events/ZimEvents.js';

/**
 * `error.type` of a failed attempt, low in cardinality as the conventions ask: the HTTP status
 * of a 4xx or 5xx answer, the transport error's code (`ECONNRESET`, `ZIM_ATTEMPT_TIMEOUT`), or the
 * category of a 2xx answer whose ZIM `Code` failed (`retryable`, `rate-limited`, `auth`, `fatal`:
 * the code itself is `zim.code`). Undefined for a success.
 */
export function errorTypeOf(event: AttemptEndEvent): string | undefined {
  if (event.category === 'success') return undefined;
  if (event.status !== undefined && event.status >= 400) return String(event.status);
  if (event.status === undefined) return event.reason ?? '_OTHER';
  return event.category;
}
