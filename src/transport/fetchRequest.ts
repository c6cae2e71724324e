import type { RequestBytes } from './RequestBytes.js';
import { readRequestBody } from './readRequestBody.js';

type FetchInput = Parameters<typeof fetch>[0];

/** A ZIM call as `fetch` was handed it, read once: what every attempt sends again. */
export interface FetchRequest {
  /** The `init` of every attempt (method, headers, body; the signal is the attempt's). */
  readonly init: RequestInit;
  /** The body as read (for the params). */
  readonly body: string | Uint8Array | undefined;
  readonly contentType: string | undefined;
  /** The caller's signal: the init's, else the `Request`'s. */
  readonly signal: AbortSignal | undefined;
}

/**
 * Reads what `fetch(input, init)` was handed, as `fetch` itself would combine them: the `init`'s
 * fields over the `Request`'s (ky, openapi-fetch and axios's fetch adapter pass a `Request`), the
 * body of either read once, bounded by `max` (every `BodyInit` form), and a content type the body
 * implies (a Blob's, a form's) added when the headers have none. A string body or none (most ZIM
 * calls) is taken as it is, at once; any other body is read first (a promise).
 */
export function fetchRequest(
  input: FetchInput,
  init: RequestInit,
  max: number,
): FetchRequest | Promise<FetchRequest> {
  const request = input instanceof Request ? input : undefined;
  const given = init.body ?? (request?.body ? request : undefined);
  if (given === undefined || given === null || typeof given === 'string')
    return combined(request, init, given === null ? undefined : given, undefined);
  const read = given instanceof Request ? readRequestBody(given.body, max) : readRequestBody(given, max);
  return read.then(({ body, contentType }: RequestBytes) => combined(request, init, body, contentType));
}

function combined(
  request: Request | undefined,
  init: RequestInit,
  body: string | Uint8Array | undefined,
  contentType: string | undefined,
): FetchRequest {
  let headers: RequestInit['headers'] = init.headers ?? request?.headers ?? {};
  if (contentType !== undefined) {
    const joined = new Headers(headers);
    if (!joined.has('content-type')) joined.set('content-type', contentType);
    headers = joined;
  }
  const base: RequestInit = {
    ...init,
    method: init.method ?? request?.method ?? 'GET',
    headers,
    ...(request && init.redirect === undefined && { redirect: request.redirect }),
    ...(body !== undefined && { body: body as NonNullable<RequestInit['body']> }),
  };
  // a body read whole needs no `duplex` (a stream did)
  if (body !== undefined && 'duplex' in base) delete (base as { duplex?: unknown }).duplex;
  return { init: base, body, contentType, signal: init.signal ?? request?.signal ?? undefined };
}
