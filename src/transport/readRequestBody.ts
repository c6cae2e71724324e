import type { RequestBytes } from './RequestBytes.js';

/** The request body is larger than `maxBodyBytes`: refused before anything is sent. */
class RequestBodyTooLargeError extends RangeError {
  readonly code = 'ZIM_REQUEST_BODY_TOO_LARGE';
  constructor(max: number) {
    super(`expected the request body to be at most maxBodyBytes (${max}) bytes`);
    this.name = 'RequestBodyTooLargeError';
  }
}

const NONE: RequestBytes = Object.freeze({ body: undefined, contentType: undefined });
const FORM = 'application/x-www-form-urlencoded;charset=UTF-8';

/** Reads chunks (a web stream, a Node stream, undici's async iterable), at most `max` bytes. */
async function readChunks(chunks: AsyncIterable<unknown>, max: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const part =
      typeof chunk === 'string'
        ? Buffer.from(chunk)
        : chunk instanceof Uint8Array
          ? chunk
          : Buffer.from(chunk as ArrayBuffer);
    size += part.byteLength;
    if (size > max) throw new RequestBodyTooLargeError(max);
    parts.push(part);
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

const isAsyncIterable = (body: object): body is AsyncIterable<unknown> =>
  typeof (body as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';

/**
 * Reads any request body once, bounded by `max` bytes, as something every attempt can send again:
 * a string as is; `ArrayBuffer`, typed arrays and `DataView` as a view of their bytes (no copy);
 * `URLSearchParams` as its string (with the form's content type); a `Blob` (and `File`) as its
 * bytes and type; `FormData` as its multipart bytes and boundary; a `ReadableStream`, a Node
 * stream or any async iterable as the bytes read. A body past `max` is a `RequestBodyTooLargeError`.
 */
export async function readRequestBody(body: unknown, max: number): Promise<RequestBytes> {
  if (body === undefined || body === null) return NONE;
  if (typeof body === 'string') return { body, contentType: undefined };
  if (typeof body !== 'object') throw new TypeError(`expected a request body, got ${typeof body}`);
  let bytes: Uint8Array;
  let contentType: string | undefined;
  if (body instanceof Uint8Array) bytes = body;
  else if (ArrayBuffer.isView(body)) bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  else if (body instanceof ArrayBuffer) bytes = new Uint8Array(body);
  else if (body instanceof URLSearchParams) return { body: body.toString(), contentType: FORM };
  else if (body instanceof Blob) {
    if (body.size > max) throw new RequestBodyTooLargeError(max);
    bytes = new Uint8Array(await body.arrayBuffer());
    contentType = body.type || undefined;
  } else if (body instanceof FormData) {
    const encoded = new Response(body);
    contentType = encoded.headers.get('content-type') ?? undefined;
    bytes = await readChunks(encoded.body!, max);
  } else if (isAsyncIterable(body)) bytes = await readChunks(body, max);
  else throw new TypeError(`expected a request body, got ${Object.prototype.toString.call(body)}`);
  if (bytes.byteLength > max) throw new RequestBodyTooLargeError(max);
  return { body: bytes, contentType };
}
