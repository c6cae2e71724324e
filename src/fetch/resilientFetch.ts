import type { SendAttempt } from '../core/Call.js';
import { createEngine } from '../engine/createEngine.js';
import { errorFromOutcome } from '../errors/errorFromOutcome.js';
import { warnPassthrough } from '../events/warnPassthrough.js';
import { paramsOf } from '../http/paramsOf.js';
import { readBounded } from '../http/readBounded.js';
import { setSignedParams } from '../http/setSignedParams.js';
import { signedQuery } from '../http/signedQuery.js';
import { resolveOptions } from '../options/resolveOptions.js';
import type { ZimResilienceOptions } from '../options/ZimResilienceOptions.js';

/** A drop-in `fetch` with the remedies applied to ZIM calls, and a `close()`. */
export type ResilientFetch = typeof fetch & {
  /** Settles every queued call (rejected with `ZimClosedError`) and frees every timer. */
  close(): Promise<void>;
};

type FetchBody = NonNullable<RequestInit['body']>;
type FetchInput = Parameters<typeof fetch>[0];

async function replayable(body: FetchBody | null | undefined): Promise<FetchBody | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof URLSearchParams || body instanceof Blob) return body;
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return body;
  return new Uint8Array(await new Response(body as ConstructorParameters<typeof Response>[0]).arrayBuffer());
}

function textOf(body: FetchBody | undefined): string | undefined {
  if (typeof body === 'string') return body;
  if (ArrayBuffer.isView(body))
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return undefined;
}

const NULL_BODY = new Set([101, 204, 205, 304]);
const SIGNED_KEYS = ['AppId', 'SignatureNonce', 'Timestamp', 'SignatureVersion', 'Signature'];

/** A still-readable copy of `res` with the body already read; `url` and `redirected` kept. */
function rebuilt(res: Response, bytes: Buffer | undefined): Response {
  const body = bytes === undefined || NULL_BODY.has(res.status) ? null : bytes;
  const copy = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  Object.defineProperties(copy, {
    url: { value: res.url },
    redirected: { value: res.redirected },
  });
  return copy;
}

/**
 * Wraps any `fetch` (global, undici's, ky's or ofetch's underlying one): requests to `baseUrl`
 * with an `?Action=` are throttled, retried and, when `appId` and `serverSecret` are given,
 * re-signed on every attempt; the caller gets an ordinary, still-readable `Response` of the final
 * attempt (a ZIM error code stays in its body, as with plain fetch). Everything else passes through.
 * A call given up without any answer rejects with `ZimTransportError`; a body larger than
 * `maxBodyBytes` with `ZimHttpError`, as in the other doors.
 */
export function resilientFetch<const C extends string = never>(
  fetchImpl: typeof fetch,
  options: ZimResilienceOptions<C> = {},
): ResilientFetch {
  if (typeof fetchImpl !== 'function')
    throw new TypeError(`expected fetch to be a function, got ${typeof fetchImpl}`);
  const resolved = resolveOptions(options);
  const engine = createEngine(resolved);
  const origin = resolved.baseUrl.origin;
  const passthrough = warnPassthrough(resolved);

  const wrapped = async (input: FetchInput, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const action = url.searchParams.get('Action');
    if (url.origin !== origin || !action) {
      passthrough(url, url.search);
      return fetchImpl(input, init);
    }

    const request = input instanceof Request ? input : undefined;
    const given = init.body ?? (request?.body ? await request.arrayBuffer() : undefined);
    const body = typeof given === 'string' || given === undefined ? given : await replayable(given);
    const base: RequestInit = {
      ...init,
      method: init.method ?? request?.method ?? 'GET',
      headers: init.headers ?? request?.headers ?? {},
      ...(body !== undefined && { body }),
    };
    // Each attempt's signed parameters are appended to the URL as given, unless it carries old ones.
    const plain = url.hash === '' && !SIGNED_KEYS.some((key) => url.searchParams.has(key));
    const send: SendAttempt = async (signed, signal) => {
      let target: URL | string = url;
      if (signed && plain) target = url.href + signedQuery(signed);
      else if (signed) {
        target = new URL(url);
        setSignedParams(target.searchParams, signed);
      }
      const res = await fetchImpl(target, { ...base, signal });
      // Read the body here, bounded (no tee: a clone's unread branch would hold the stream), and
      // hand the caller a fresh Response of the bytes read.
      const { bytes, text, truncated } = res.body
        ? await readBounded(res.body, resolved.maxBodyBytes)
        : { bytes: undefined, text: '', truncated: false };
      return {
        status: res.status,
        header: (name) => res.headers.get(name) ?? undefined,
        text,
        truncated,
        raw: { res, bytes },
      };
    };

    const signal = init.signal ?? request?.signal ?? undefined;
    const params = engine.needsParams(action) ? paramsOf(url.searchParams, textOf(body)) : undefined;
    const { outcome, call } = await engine.run({ action, params, signal, send });
    const final = outcome.response;
    if (!final || final.truncated) throw errorFromOutcome(outcome, call);
    const { res, bytes } = final.raw as { res: Response; bytes: Buffer | undefined };
    return rebuilt(res, bytes);
  };

  return Object.assign(wrapped, { close: () => engine.close() }) as ResilientFetch;
}
