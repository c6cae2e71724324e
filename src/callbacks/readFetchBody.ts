import { readBody } from '../transport/readBody.js';
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
  const { bytes, truncated } = await readBody(request.body, maxBytes);
  return { method, body: bytes.toString('utf8'), tooLarge: truncated };
}
