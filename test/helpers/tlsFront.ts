import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import type { TestCert } from './selfSignedCert.js';

/** A TLS front for a plain HTTP server: what a ZIM server behind HTTPS looks like to a client. */
export interface TlsFront {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  /** TLS connections that completed a handshake. */
  readonly handshakes: number;
  /** Connections whose handshake failed (the client refused the certificate, or spoke no TLS). */
  readonly refusals: number;
  close(): Promise<void>;
}

/**
 * Terminates TLS with `cert` on a free port and pipes every connection to `target` (an
 * `http://host:port` URL): the mock ZIM server served over HTTPS, its stats, scripts and faults
 * unchanged. A connection the target closes or resets is closed here too.
 */
export async function startTlsFront(target: string, cert: TestCert): Promise<TlsFront> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let handshakes = 0;
  let refusals = 0;
  const server = createServer({ key: cert.key, cert: cert.cert }, (secure: TLSSocket) => {
    handshakes++;
    const plain = connect(Number(port), hostname);
    sockets.add(secure).add(plain);
    const end = () => {
      secure.destroy();
      plain.destroy();
      sockets.delete(secure);
      sockets.delete(plain);
    };
    secure.on('error', end).on('close', end);
    plain.on('error', end).on('close', end);
    secure.pipe(plain).pipe(secure);
  });
  server.on('tlsClientError', () => {
    refusals++; // a client that refuses the certificate: expected here
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get handshakes() {
      return handshakes;
    },
    get refusals() {
      return refusals;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
