import { paramsOf } from '../http/paramsOf.js';

const FORM = /^application\/x-www-form-urlencoded/i;

/**
 * The parameters of a request built by someone else, as the limits need them (the GroupId of a
 * group-scoped action, the messages of QueryMessagesByMsgSeq): the query, and the fields of a JSON
 * body (or of a form body) in whatever form it was read.
 */
export function requestParams(
  search: URLSearchParams,
  body: string | Uint8Array | undefined,
  contentType?: string | undefined,
): Record<string, unknown> {
  const text =
    body === undefined || typeof body === 'string'
      ? body
      : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (text && contentType && FORM.test(contentType)) {
    const merged = new URLSearchParams(search);
    for (const [key, value] of new URLSearchParams(text)) merged.append(key, value);
    return paramsOf(merged, undefined);
  }
  return paramsOf(search, text);
}
