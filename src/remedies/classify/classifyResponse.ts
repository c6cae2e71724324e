import type { CodeCatalog } from '../../codes/CodeCatalog.js';
import { classifyHttpStatus } from '../../codes/classifyHttpStatus.js';
import type { Outcome, ZimBody } from '../../core/Outcome.js';
import type { RawResponse } from '../../core/RawResponse.js';
import { parseRetryAfter } from './parseRetryAfter.js';

function parseBody(response: RawResponse): ZimBody | undefined {
  if (response.truncated) return undefined;
  try {
    const body: unknown = JSON.parse(response.text);
    if (typeof body === 'object' && body !== null && typeof (body as ZimBody).Code === 'number')
      return body as ZimBody;
  } catch {}
  return undefined;
}

/**
 * The category of an answer: by HTTP status outside 2xx (429 rate-limited, 408 and 5xx
 * retryable, 401/403 auth, other 4xx fatal), else by the body's `Code` in the catalog; a 2xx
 * whose body is not the expected JSON (a proxy's page) is retryable when `idempotent`, else fatal
 * (it was read, so it may have been acted on: never resent), one larger than `maxBodyBytes` is
 * fatal (it would be as large again); both are marked `mayHaveCommitted`. An answer the door
 * streamed to its caller (a 2xx) is classified by the `Code` of its first bytes (`leadingCode`).
 * @internal
 */
export function classifyResponse(
  response: RawResponse,
  catalog: CodeCatalog,
  now: number,
  idempotent = true,
): Outcome {
  const { leadingCode } = response;
  if (leadingCode !== undefined) {
    // streamed to the caller as it arrived, classified by the Code of its first bytes
    return { category: catalog.category(leadingCode), response, code: leadingCode };
  }
  const body = parseBody(response);
  const retryAfterMs = parseRetryAfter(response.header('retry-after'), now);
  const byStatus = classifyHttpStatus(response.status);
  const unreadable = byStatus === undefined && !body;
  const category =
    byStatus ??
    (body ? catalog.category(body.Code) : response.truncated || !idempotent ? 'fatal' : 'retryable');
  return {
    category,
    response,
    ...(body && { body, code: body.Code }),
    ...(unreadable && { mayHaveCommitted: true }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  };
}
