/** A fetch body (an attempt's answer, a callback's request) as read. */
export interface ReadBody {
  /** The bytes read (at most `max`): one chunk as it came, more joined. */
  readonly bytes: Buffer;
  /** True when the body was longer than `max`: the rest was not read (the stream is cancelled). */
  readonly truncated: boolean;
}

function joined(chunks: Uint8Array[]): Buffer {
  if (chunks.length !== 1) return Buffer.concat(chunks);
  const chunk = chunks[0]!;
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Reads at most `max` bytes of a `fetch` body (a `Response`'s or a `Request`'s) through its reader
 * (cheaper than its async iterator: no iterator object, one promise per chunk), and cancels the rest. A body of one
 * chunk is not copied. An abort of the request's signal rejects the read, as with any reader.
 */
export async function readBody(body: ReadableStream<Uint8Array>, max: number): Promise<ReadBody> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: joined(chunks), truncated: false };
    if (size + value.byteLength > max) {
      chunks.push(value.subarray(0, max - size));
      await reader.cancel().catch(() => {});
      return { bytes: joined(chunks), truncated: true };
    }
    size += value.byteLength;
    chunks.push(value);
  }
}
