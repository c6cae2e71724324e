import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

/** How the proxy encodes every answer. */
export type AnswerEncoding = 'gzip' | 'deflate' | 'br';

/** One request as the proxy saw it arrive. */
interface ProxyArrival {
  readonly action: string | null;
  readonly at: number;
  readonly acceptEncoding: string | undefined;
}

/** A `node:http` server in front of `target` that compresses every answer, as some servers and proxies do whatever the client asked. */
export interface EncodingProxy {
  readonly url: string;
  readonly arrivals: ProxyArrival[];
  close(): Promise<void>;
}

const ENCODE: Record<AnswerEncoding, (b: Buffer) => Buffer> = {
  gzip: (b) => gzipSync(b),
  deflate: (b) => deflateSync(b),
  br: (b) => brotliCompressSync(b),
};

export async function startEncodingProxy(
  target: string,
  encoding: AnswerEncoding = 'gzip',
): Promise<EncodingProxy> {
  const to = new URL(target);
  const arrivals: ProxyArrival[] = [];
  const server: Server = createServer((req, res) => {
    const action = new URL(req.url ?? '/', 'http://x').searchParams.get('Action');
    arrivals.push({ action, at: performance.now(), acceptEncoding: req.headers['accept-encoding'] });
    const headers: IncomingHttpHeaders = { ...req.headers, host: to.host };
    delete headers['accept-encoding'];
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = ENCODE[encoding](Buffer.concat(chunks));
          const out: Record<string, string | string[]> = {};
          for (const [k, v] of Object.entries(answer.headers))
            if (v !== undefined && k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection')
              out[k] = v;
          res.writeHead(answer.statusCode ?? 502, {
            ...out,
            'content-encoding': encoding,
            'content-length': body.length,
          });
          res.end(body);
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    arrivals,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
