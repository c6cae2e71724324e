import {
  codeOf,
  type ErrorLike,
  PROXY_REFUSED,
  TLS_CERT_CODES,
  TLS_DISCONNECT_MESSAGE,
  writeEvidence,
} from './classifyTransportError.js';
import { connectTargetOf, failedInConnect } from './connectFailures.js';

/**
 * What kind of transport failure it was.
 *
 * @public
 */
export type TransportFailureKind =
  | 'tls-certificate'
  | 'tls-handshake'
  | 'dns'
  | 'refused'
  | 'unreachable'
  | 'connect-timeout'
  | 'connect-failed'
  | 'blocked-port'
  | 'proxy'
  | 'file-descriptors'
  | 'reset'
  | 'closed'
  | 'timeout'
  | 'unknown';

/**
 * A transport error told in words a user can act on, with what happened on the socket.
 *
 * @public
 */
export interface TransportFailure {
  /** What kind of failure it was. */
  readonly kind: TransportFailureKind;
  /** The error code that told it (`ENOTFOUND`, `DEPTH_ZERO_SELF_SIGNED_CERT`...), if one did. */
  readonly code: string | undefined;
  /**
   * Whether the request was written: `no` (the connection never carried it), `yes` (the failure
   * came once it was being written or answered), `unknown` (nothing says: it may have been, so the
   * call may have been committed).
   */
  readonly written: 'no' | 'yes' | 'unknown';
  /** True when a retry would meet the same failure (a certificate refused, a port fetch will not use, a proxy's 4xx). */
  readonly fatal: boolean;
  /** The cause in words: `could not resolve no-such-host.invalid (ENOTFOUND)`. Never a secret. */
  readonly summary: string;
  /** The usual fix, when there is one: `trust the CA that signed it: NODE_EXTRA_CA_CERTS=...`. */
  readonly hint: string | undefined;
}

const TRUST_HINT =
  'if a TLS-inspecting proxy or a private CA signs it, trust that CA: set NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or give the dispatcher connect: { ca }';

/**
 * Tells a transport error: what kind it was, whether the request was written (what the socket
 * said, see `classifyTransportError`; `unknown` when nothing did), whether a retry can help, and
 * a summary and hint a user can act on. Looks through `cause` chains as `classifyTransportError`.
 *
 * @example describeTransportError(err).summary // 'could not resolve no-such-host.invalid (ENOTFOUND)'
 *
 * @public
 */
export function describeTransportError(err: unknown): TransportFailure {
  const { phase, link, chain } = writeEvidence(err);
  const written = link === undefined ? 'unknown' : phase === 'before-write' ? 'no' : 'yes';
  const told = link ?? [...chain].reverse().find((e) => codeOf(e) !== undefined) ?? chain.at(-1);
  return Object.freeze(tell(told, written));
}

type Told = Omit<TransportFailure, 'written' | 'fatal' | 'hint'> & {
  written: TransportFailure['written'];
  fatal?: boolean;
  hint?: string;
};

function tell(e: ErrorLike | undefined, written: TransportFailure['written']): TransportFailure {
  const t = told(e, written);
  return { ...t, fatal: t.fatal ?? false, hint: t.hint };
}

function told(e: ErrorLike | undefined, written: TransportFailure['written']): Told {
  if (e === undefined) return { kind: 'unknown', code: undefined, written, summary: 'the transport failed' };
  const code = codeOf(e);
  const tag = code ? ` (${code})` : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const at = where(e);
  if (code === 'EMFILE' || code === 'ENFILE')
    return {
      kind: 'file-descriptors',
      code,
      written,
      summary:
        code === 'EMFILE'
          ? `this process has no file descriptor left to open a connection: it reached its descriptor limit (ulimit -n)${tag}`
          : `this machine has no file descriptor left to open a connection: it reached the system's limit${tag}`,
      hint:
        code === 'EMFILE'
          ? 'raise the limit (ulimit -n 65536 where it is started, LimitNOFILE= in a systemd unit, --ulimit nofile= for docker), or lower maxConnections (the sockets the client opens per origin)'
          : 'raise the system limit (fs.file-max), or lower maxConnections (the sockets the client opens per origin)',
    };
  if (code === 'UND_ERR_PRX_CONN') {
    const proxy = proxyOf(e);
    return {
      kind: 'proxy',
      code,
      written,
      summary: `${proxy ? `the proxy at ${proxy}` : 'the proxy'} closed the tunnel${tunnelTo(e)} before it was established${tag}`,
      hint: 'a proxy that hangs up on CONNECT is restarting, overloaded, or refuses this host by policy without saying so: check its log for this host',
    };
  }
  if (code === 'ZIM_ATTEMPT_UNSENT')
    return {
      kind: 'connect-timeout',
      code,
      written,
      summary: `${message}${tag}`,
      hint: "through a ProxyAgent, a proxy that never answers holds each CONNECT for undici's headersTimeout (300 s): give it a shorter one (docs/transport-errors.md)",
    };
  if (code !== undefined && TLS_CERT_CODES.includes(code)) {
    if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
      return {
        kind: 'tls-certificate',
        code,
        written,
        fatal: true,
        summary: `the server's TLS certificate was refused: ${message || 'not valid now'}${tag}`,
        hint: "check this machine's clock; otherwise the certificate (the server's, or a proxy's) must be renewed",
      };
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH')
      return {
        kind: 'tls-certificate',
        code,
        written,
        fatal: true,
        summary: `the server's TLS certificate is not for the host asked for: ${message}${tag}`,
        hint: `use in baseUrl a host name the certificate names; ${TRUST_HINT}`,
      };
    return {
      kind: 'tls-certificate',
      code,
      written,
      fatal: true,
      summary: `the server's TLS certificate is not trusted: ${message || 'refused'}${tag}`,
      hint: TRUST_HINT,
    };
  }
  if (code?.startsWith('ERR_SSL_') && written === 'no') {
    const reason =
      typeof (e as { reason?: unknown }).reason === 'string' ? (e as { reason: string }).reason : code;
    return {
      kind: 'tls-handshake',
      code,
      written,
      fatal: true,
      summary: `the TLS handshake${at ? ` with ${at}` : ''} failed: ${reason}${tag}`,
      ...(code === 'ERR_SSL_WRONG_VERSION_NUMBER' && {
        hint: 'the port may speak plain HTTP: check that baseUrl (or the proxy URL) says http:// or https:// as the server does',
      }),
    };
  }
  if (
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    (e as { syscall?: unknown }).syscall === 'getaddrinfo'
  ) {
    const host = stringField(e, 'hostname') ?? 'the host';
    return {
      kind: 'dns',
      code,
      written,
      summary:
        code === 'EAI_AGAIN'
          ? `could not resolve ${host}: the DNS server did not answer in time${tag}`
          : `could not resolve ${host}${tag}`,
      ...(code === 'ENOTFOUND' && { hint: "check baseUrl's host name, and this machine's DNS" }),
    };
  }
  if (code === 'ECONNREFUSED')
    return { kind: 'refused', code, written, summary: `connection refused by ${at ?? 'the server'}${tag}` };
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
    return {
      kind: 'unreachable',
      code,
      written,
      summary: `${at ?? 'the server'} is unreachable from here${tag}`,
    };
  if (
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    e.name === 'ConnectTimeoutError' ||
    (code === 'ETIMEDOUT' && e.syscall === 'connect')
  )
    return {
      kind: 'connect-timeout',
      code: code ?? 'UND_ERR_CONNECT_TIMEOUT',
      written,
      summary: `could not connect to ${at ?? 'the server'} in time${code ? tag : ' (UND_ERR_CONNECT_TIMEOUT)'}`,
    };
  if (message === 'bad port')
    return {
      kind: 'blocked-port',
      code,
      written,
      fatal: true,
      summary: 'fetch will not connect to this port (a "bad port" of the Fetch standard)',
      hint: 'use another port, or undici.request (createZimClient or zimInterceptor), which has no such list',
    };
  const proxied = PROXY_REFUSED.exec(message);
  if (proxied) {
    const status = Number(proxied[1]);
    return {
      kind: 'proxy',
      code,
      written,
      fatal: status >= 400 && status < 500,
      summary: `the proxy refused to open a tunnel to the server${tunnelTo(e, ' at ')}: HTTP ${status}${tag}`,
      ...(status === 407 && {
        hint: "give the ProxyAgent the proxy's credentials (its token option, or user:password in its uri)",
      }),
      ...(status === 403 && {
        hint: "the proxy's policy forbids this host: ask for baseUrl's host to be allowed",
      }),
    };
  }
  if (message === TLS_DISCONNECT_MESSAGE)
    return {
      kind: 'connect-failed',
      code,
      written,
      summary: `the connection to ${at ?? 'the server'} was closed before TLS was established${tag}`,
    };
  if (written === 'no' && code === 'ECONNRESET')
    return {
      kind: 'connect-failed',
      code,
      written,
      summary: `the connection${at ? ` to ${at}` : ''} was reset while it was being set up (TCP, TLS or a proxy's tunnel)${tag}`,
    };
  if (written === 'no' && (e.syscall === 'connect' || failedInConnect(e)))
    return {
      kind: 'connect-failed',
      code,
      written,
      summary: `could not connect to ${at ?? 'the server'}: ${message}${tag}`,
    };
  if (code === 'ECONNRESET')
    return {
      kind: 'reset',
      code,
      written,
      summary: `the connection${at ? ` to ${at}` : ''} was reset${tag}`,
    };
  if (code === 'EPIPE')
    return {
      kind: 'reset',
      code,
      written,
      summary: `the connection broke while the request was being written${tag}`,
    };
  if (code === 'UND_ERR_SOCKET' || message === 'other side closed')
    return {
      kind: 'closed',
      code,
      written,
      summary: `the server closed the connection without an answer${tag}`,
    };
  if (
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'ZIM_ATTEMPT_TIMEOUT' ||
    code === 'ETIMEDOUT'
  )
    return { kind: 'timeout', code, written, summary: `${message || 'timed out'}${tag}` };
  return {
    kind: 'unknown',
    code,
    written,
    summary: `${message || String(e.name ?? 'the transport failed')}${tag}`,
  };
}

/** ` to host:port` (or `${lead}host:port`): where the failed tunnel was to go, when undici said. */
function tunnelTo(e: ErrorLike, lead = ' to '): string {
  const target = connectTargetOf(e);
  return target ? `${lead}${target}` : '';
}

/** `host:port` of the proxy a failed tunnel was asked of: the remote end of its socket (undici's socket info), here or in its cause. */
function proxyOf(e: ErrorLike): string | undefined {
  for (let link: unknown = e, depth = 0; typeof link === 'object' && link !== null && depth < 3; depth++) {
    const socket = (link as { socket?: { remoteAddress?: unknown; remotePort?: unknown } }).socket;
    if (typeof socket?.remoteAddress === 'string' && socket.remoteAddress !== '') {
      const host = socket.remoteAddress.includes(':') ? `[${socket.remoteAddress}]` : socket.remoteAddress;
      return typeof socket.remotePort === 'number' ? `${host}:${socket.remotePort}` : host;
    }
    link = (link as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `host:port` of a Node connect error (`address`/`port`, or `host`/`port`; each member of an `AggregateError`), when it says. */
function where(e: ErrorLike): string | undefined {
  const { errors } = e as { errors?: unknown };
  if (Array.isArray(errors)) {
    const all = errors.map((m) => (typeof m === 'object' && m !== null ? where(m) : undefined));
    if (all.length > 0 && all.every((w) => w !== undefined)) return [...new Set(all)].join(' and ');
  }
  const host = stringField(e, 'address') ?? stringField(e, 'host');
  const port = (e as { port?: unknown }).port;
  if (host === undefined) return undefined;
  const shown = host.includes(':') ? `[${host}]` : host;
  return typeof port === 'number' || typeof port === 'string' ? `${shown}:${port}` : shown;
}

function stringField(e: ErrorLike, name: string): string | undefined {
  const v = (e as Record<string, unknown>)[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
