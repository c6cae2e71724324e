import { createServer } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

/** A local forward proxy that tunnels `CONNECT host:port`, as a corporate proxy does. */
export interface ConnectProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The `host:port` of every CONNECT it was asked for, in order. */
  readonly tunnels: readonly string[];
  close(): Promise<void>;
}

/**
 * Starts a CONNECT proxy on a free port (node:http + node:net): each tunnel is piped both ways, or,
 * with `refuse`, every CONNECT is answered with that status (407: credentials wanted, 502...), or
 * (`'hang-up'`) its connection is closed without an answer, or (`'silent'`) it is read and never
 * answered (held open until `close()`).
 */
export async function startConnectProxy(
  options: { refuse?: number | 'hang-up' | 'silent' } = {},
): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => {
    res.statusCode = 405; // only tunnels here
    res.end();
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push(target);
    if (options.refuse === 'hang-up') {
      client.destroy();
      return;
    }
    if (options.refuse === 'silent') {
      sockets.add(client);
      client.on('error', () => {});
      return;
    }
    if (options.refuse !== undefined) {
      client.end(`HTTP/1.1 ${options.refuse} Refused\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    const at = target.lastIndexOf(':');
    const upstream = connect(Number(target.slice(at + 1)), target.slice(0, at).replace(/^\[|\]$/g, ''));
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
