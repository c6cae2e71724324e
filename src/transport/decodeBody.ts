import * as zlib from 'node:zlib';

/** A body as read, after its `content-encoding` was undone. */
export interface DecodedBody {
  /** The decoded bytes (at most `max`; empty when it could not be decoded). */
  readonly bytes: Buffer;
  /** True when the decoded body is larger than `max`: "body too large", whatever its size on the wire. */
  readonly truncated: boolean;
  /** True when an encoding is unknown or its data is corrupt: the body is unreadable. */
  readonly undecodable: boolean;
}

type Decoder = (
  input: Buffer,
  options: zlib.ZlibOptions & zlib.BrotliOptions,
  done: zlib.CompressCallback,
) => void;

// As undici's fetch does: lenient about a missing end of stream.
const LENIENT = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const zstd = (zlib as unknown as { zstdDecompress?: Decoder }).zstdDecompress;

const DECODERS: Readonly<Record<string, { decode: Decoder; lenient: boolean } | undefined>> = {
  gzip: { decode: zlib.gunzip as Decoder, lenient: true },
  'x-gzip': { decode: zlib.gunzip as Decoder, lenient: true },
  deflate: { decode: zlib.inflate as Decoder, lenient: true },
  br: { decode: zlib.brotliDecompress as Decoder, lenient: false },
  ...(zstd && { zstd: { decode: zstd, lenient: false } }),
};

const run = (decode: Decoder, input: Buffer, options: object): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    decode(input, options, (error, out) => (error ? reject(error) : resolve(out))),
  );

const tooLarge = (error: unknown) => (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';

/**
 * Undoes a `content-encoding` (`gzip`, `x-gzip`, `deflate`, raw deflate, `br`, and `zstd` where
 * Node has it; a list is undone last first), on the zlib thread pool, never holding more than
 * `max` decoded bytes: a zip bomb is `truncated`, not an exhausted heap.
 */
export async function decodeBody(input: Buffer, encoding: string, max: number): Promise<DecodedBody> {
  const codings = encoding.toLowerCase().split(',');
  let bytes = input;
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = codings[i]!.trim();
    if (coding === 'identity' || coding === '') continue;
    const decoder = DECODERS[coding];
    if (!decoder) return { bytes: Buffer.alloc(0), truncated: false, undecodable: true };
    const options = { maxOutputLength: max, ...(decoder.lenient && LENIENT) };
    try {
      bytes = await run(decoder.decode, bytes, options);
    } catch (error) {
      if (tooLarge(error)) return { bytes: Buffer.alloc(0), truncated: true, undecodable: false };
      if (coding !== 'deflate') return { bytes: Buffer.alloc(0), truncated: false, undecodable: true };
      // some servers send raw deflate, without the zlib header
      try {
        bytes = await run(zlib.inflateRaw as Decoder, bytes, options);
      } catch (raw) {
        return { bytes: Buffer.alloc(0), truncated: tooLarge(raw), undecodable: !tooLarge(raw) };
      }
    }
  }
  return { bytes, truncated: false, undecodable: false };
}

/** The `content-encoding` of an answer that has to be decoded, or undefined (none, or `identity`). */
export function encodingOf(value: string | string[] | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const joined = Array.isArray(value) ? value.join(',') : value;
  return joined === '' || joined.trim().toLowerCase() === 'identity' ? undefined : joined;
}
