import type { RawResponse } from '../core/RawResponse.js';
import { readBounded } from '../http/readBounded.js';

/** What a fetch attempt keeps for a door that hands the answer back: the `Response` and the bytes read. */
export interface FetchAnswer {
  readonly res: Response;
  /** The body as read (`fetch` has decoded it); undefined when the answer had none. */
  readonly bytes: Buffer | undefined;
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
  const { bytes, text, truncated } = res.body
    ? await readBounded(res.body, max)
    : { bytes: undefined, text: '', truncated: false };
  const raw: FetchAnswer = { res, bytes };
  return {
    status: res.status,
    header: (name) => res.headers.get(name) ?? undefined,
    text,
    truncated,
    raw,
  };
}
