import type { IncomingMessage } from 'node:http';
import type { CallbackRequest } from './CallbackResponse.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);

/** Reads at most `maxBytes`; past that it stops keeping data (the rest drains, unkept) and says so. */
function readCapped(req: IncomingMessage, maxBytes: number): Promise<{ text: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (tooLarge: boolean) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', reject);
      if (tooLarge) req.resume(); // discard the rest; the answer closes the connection
      resolve({ text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge });
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) done(true);
      else chunks.push(chunk);
    };
    const onEnd = () => done(false);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/**
 * The body of a node:http request, read at most `maxBytes` (a larger Content-Length is refused
 * without reading). A body a framework already read (express.json(), express.text(), a Buffer from
 * express.raw()) is taken as it is.
 */
export async function readNodeBody(
  req: IncomingMessage & { body?: unknown },
  maxBytes: number,
): Promise<CallbackRequest> {
  const method = req.method ?? 'POST';
  const parsed = req.body;
  if (typeof parsed === 'string')
    return { method, body: parsed, tooLarge: Buffer.byteLength(parsed) > maxBytes };
  if (Buffer.isBuffer(parsed))
    return { method, body: parsed.toString('utf8'), tooLarge: parsed.length > maxBytes };
  if (isRecord(parsed) && (Object.keys(parsed).length > 0 || req.readableEnded))
    return { method, body: parsed };
  if (req.readableEnded) return { method, body: undefined };
  const length = Number(req.headers['content-length']);
  if (Number.isFinite(length) && length > maxBytes) {
    req.resume();
    return { method, body: undefined, tooLarge: true };
  }
  const { text, tooLarge } = await readCapped(req, maxBytes);
  return { method, body: text, tooLarge };
}
