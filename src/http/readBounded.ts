/** Reads at most `max` bytes of a body; the rest is not read (the stream is cancelled). */
export async function readBounded(
  body: AsyncIterable<Uint8Array>,
  max: number,
): Promise<{ bytes: Buffer; text: string; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    if (size + chunk.byteLength > max) {
      chunks.push(chunk.subarray(0, max - size));
      truncated = true;
      break;
    }
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const bytes = Buffer.concat(chunks);
  return { bytes, text: bytes.toString('utf8'), truncated };
}
