import { readBounded } from '../http/readBounded.js';
import type { CallbackRequest } from './CallbackResponse.js';

/** The body of a fetch `Request`, read at most `maxBytes` (a larger Content-Length is refused unread). */
export async function readFetchBody(request: Request, maxBytes: number): Promise<CallbackRequest> {
  const method = request.method;
  const length = Number(request.headers.get('content-length'));
  if (Number.isFinite(length) && length > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return { method, body: undefined, tooLarge: true };
  }
  if (!request.body) return { method, body: '' };
  const { text, truncated } = await readBounded(
    request.body as unknown as AsyncIterable<Uint8Array>,
    maxBytes,
  );
  return { method, body: text, tooLarge: truncated };
}
