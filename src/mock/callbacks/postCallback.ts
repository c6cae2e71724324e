import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What one POST got: the status and the body text, or why there was none. */
export type PostOutcome =
  | { readonly status: number; readonly body: string }
  | { readonly status: undefined; readonly error: string };

/**
 * POSTs one JSON body to `url` on a connection of its own (closed after the answer, so a test's
 * receiver can close at once), bounded by `timeoutMs` and `signal`.
 */
export function postCallback(
  url: URL,
  body: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve({ status: undefined, error: 'closed' });
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const done = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const req = send(url, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        connection: 'close',
      },
    });
    const timer = setTimeout(() => {
      done({ status: undefined, error: 'timeout' });
      req.destroy();
    }, timeoutMs);
    const onAbort = () => {
      done({ status: undefined, error: 'closed' });
      req.destroy();
    };
    signal.addEventListener('abort', onAbort);
    req.on('error', (error: NodeJS.ErrnoException) =>
      done({ status: undefined, error: error.code ?? error.message }),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', (error: NodeJS.ErrnoException) =>
        done({ status: undefined, error: error.code ?? error.message }),
      );
    });
    req.end(body);
  });
}
