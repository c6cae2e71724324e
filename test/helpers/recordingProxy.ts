import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that reached the server in full: its action and its parsed body. */
interface Arrival {
  readonly action: string;
  readonly body: Record<string, unknown>;
  /** The phase the test was in (`proxy.phase`) when it arrived. */
  readonly phase: string;
  /** The answer's `Code` once it came (a refusal by the rate limit was not acted on). */
  code?: number;
}

/**
 * A pass-through HTTP front of the mock server that keeps every request body that arrived in
 * full (a request cut by a killed client is not forwarded): what the test counts per user.
 */
export async function startRecordingProxy(target: string) {
  const arrivals: Arrival[] = [];
  const to = new URL(target);
  const state = { phase: '' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const action = new URL(req.url ?? '/', 'http://x').searchParams.get('Action') ?? '';
      let parsed: Record<string, unknown> = {};
      try {
        parsed = body.length ? JSON.parse(body.toString()) : {};
      } catch {}
      const arrival: Arrival = { action, body: parsed, phase: state.phase };
      arrivals.push(arrival);
      const out = request(
        { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          const text: Buffer[] = [];
          answer.on('data', (c: Buffer) => text.push(c));
          answer.on('end', () => {
            try {
              arrival.code = JSON.parse(Buffer.concat(text).toString()).Code;
            } catch {}
          });
          answer.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      out.end(body);
    });
    req.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    state,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
