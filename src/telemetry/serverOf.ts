/** `server.address` and `server.port` of a URL (the port the scheme implies when it names none). */
export interface Server {
  readonly address: string;
  readonly port: number;
}

/** The server a URL goes to; undefined for one that does not parse. */
export function serverOf(url: string): Server | undefined {
  try {
    const { hostname, port, protocol } = new URL(url);
    const address = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    return { address, port: port ? Number(port) : protocol === 'https:' ? 443 : 80 };
  } catch {
    return undefined;
  }
}
