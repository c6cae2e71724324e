import type { SendAttempt } from '../core/Call.js';
import { createEngine } from '../engine/createEngine.js';
import { errorFromOutcome } from '../errors/errorFromOutcome.js';
import { paramsOf } from '../http/paramsOf.js';
import { readBounded } from '../http/readBounded.js';
import { setSignedParams } from '../http/setSignedParams.js';
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

/**
 * Wraps any `fetch` (global, undici's, ky's or ofetch's underlying one): requests to `baseUrl`
 * with an `?Action=` are throttled, retried and, when `appId` and `serverSecret` are given,
 * re-signed on every attempt; the caller gets an ordinary, still-readable `Response` of the final
 * attempt (a ZIM error code stays in its body, as with plain fetch). Everything else passes through.
 * A call given up without any answer rejects with `ZimTransportError`.
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

  const wrapped = async (input: FetchInput, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const action = url.searchParams.get('Action');
    if (url.origin !== origin || !action) return fetchImpl(input, init);

    const request = input instanceof Request ? input : undefined;
    const body = await replayable(init.body ?? (request?.body ? await request.arrayBuffer() : undefined));
    const base: RequestInit = {
      ...init,
      method: init.method ?? request?.method ?? 'GET',
      headers: init.headers ?? request?.headers ?? {},
      ...(body !== undefined && { body }),
    };
    const responses: Response[] = [];
    const send: SendAttempt = async (signed, signal) => {
      const target = new URL(url);
      if (signed) setSignedParams(target.searchParams, signed);
      const res = await fetchImpl(target, { ...base, signal });
      responses.push(res);
      const { text, truncated } = res.body
        ? await readBounded(res.clone().body!, resolved.maxBodyBytes)
        : { text: '', truncated: false };
      return {
        status: res.status,
        header: (name) => res.headers.get(name) ?? undefined,
        text,
        truncated,
        raw: res,
      };
    };

    const signal = init.signal ?? request?.signal ?? undefined;
    const params = paramsOf(url.searchParams, textOf(body));
    const { outcome, call } = await engine.run({ action, params, signal, send });
    const final = outcome.response?.raw as Response | undefined;
    for (const res of responses) if (res !== final) res.body?.cancel().catch(() => {});
    if (final) return final;
    throw errorFromOutcome(outcome, call);
  };

  return Object.assign(wrapped, { close: () => engine.close() }) as ResilientFetch;
}
