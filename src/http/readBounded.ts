/** Reads at most `max` bytes of a body; the rest is not read. */
export async function readBounded(
  body: AsyncIterable<Uint8Array>,
  max: number,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size + chunk.byteLength > max) {
      chunks.push(chunk.subarray(0, max - size));
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}
