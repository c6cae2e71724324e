import type { RawResponse } from '../core/RawResponse.js';
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
 */
export async function fetchAttempt(
  fetchImpl: typeof fetch,
  target: string | URL,
  init: RequestInit,
  signal: AbortSignal,
  max: number,
): Promise<RawResponse> {
  const res = await fetchImpl(target, { ...init, signal });
  if (!res.body) return new FetchResponse({ res, bytes: undefined }, false);
  const { bytes, truncated } = await readBody(res.body, max);
  return new FetchResponse({ res, bytes }, truncated);
}
