import type { RawResponse } from '../core/RawResponse.js';
import { leadingCode } from './leadingCode.js';
import { readBody } from './readBody.js';

/** What a fetch attempt keeps for a door that hands the answer back: the `Response` and the bytes read. */
export interface FetchAnswer {
  readonly res: Response;
  /** The body as read (`fetch` has decoded it); undefined when the answer had none. */
  readonly bytes: Buffer | undefined;
}

/** An attempt's answer as the chain sees it; the text is decoded only if something reads it. */
class FetchResponse implements RawResponse {
  #text: string | undefined;
  constructor(
    readonly raw: FetchAnswer,
    readonly truncated: boolean,
    readonly leadingCode: number | undefined,
  ) {}
  get status(): number {
    return this.raw.res.status;
  }
  header(name: string): string | undefined {
    return this.raw.res.headers.get(name) ?? undefined;
  }
  get text(): string {
    this.#text ??= this.raw.bytes === undefined ? '' : this.raw.bytes.toString('utf8');
    return this.#text;
  }
}

/**
 * The fetch doors' transport: sends one attempt through `fetchImpl` and reads its body, bounded by
 * `max` bytes (no tee: a clone's unread branch would hold the stream). `signal` aborts the request
 * and the body's reading alike, so one signal bounds the whole attempt. `raw` is a `FetchAnswer`.
 * With `isFinal` (a door that hands the answer back as it is), a 2xx whose first bytes say a
 * final ZIM `Code` carries it as `leadingCode`: the chain classifies it without parsing the body.
 */
export async function fetchAttempt(
  fetchImpl: typeof fetch,
  target: string | URL,
  init: RequestInit,
  signal: AbortSignal,
  max: number,
  isFinal?: (code: number) => boolean,
): Promise<RawResponse> {
  const res = await fetchImpl(target, { ...init, signal });
  if (!res.body) return new FetchResponse({ res, bytes: undefined }, false, undefined);
  const { bytes, truncated } = await readBody(res.body, max);
  let code: number | undefined;
  if (isFinal && !truncated && res.status >= 200 && res.status < 300) {
    code = leadingCode(bytes);
    if (code !== undefined && !isFinal(code)) code = undefined;
  }
  return new FetchResponse({ res, bytes }, truncated, code);
}
