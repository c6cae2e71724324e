import { causeChain } from './causeChain.js';
import { failedInConnect } from './connectFailures.js';

/**
 * When a transport error happened, and so whether a retry could repeat a committed call:
 * - `before-write`: the request never reached the server (refused, DNS, connect timeout, a TLS
 *   certificate refused in the handshake); retrying is safe for every action;
 * - `after-write`: the request may have been sent and even committed (reset, closed socket,
 *   response timeout, or anything not known to be earlier); retry only idempotent actions.
 *
 * @public
 */
export type TransportPhase = 'before-write' | 'after-write';

/**
 * The phase of a transport error and the error code that decided it.
 *
 * @public
 */
export interface TransportErrorInfo {
  /** When the error happened: see {@link TransportPhase}. */
  readonly phase: TransportPhase;
  /** The `code` that decided the phase (`ECONNREFUSED`, `UND_ERR_SOCKET`...), else the first string `code` in the chain, else `undefined`. */
  readonly code: string | undefined;
}

/** Codes that mean the connection was never made, so nothing was written. */
const BEFORE_WRITE_CODES: readonly string[] = Object.freeze([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_PRX_CONN', // a proxy's tunnel that failed before it was established (undici 8; 7 through endTunnelLoops)
  'ZIM_ATTEMPT_UNSENT', // the attempt timed out before the dispatcher started it (AttemptTimeoutError)
  'EMFILE', // no file descriptor left for a socket (the process's limit): nothing was sent
  'ENFILE', // the same, the system's limit
]);

/** Codes that mean the connection failed once the request may have been written. */
const AFTER_WRITE_CODES: readonly string[] = Object.freeze([
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/**
 * Codes of a server certificate refused in the TLS handshake (OpenSSL's verify errors, and Node's
 * host name check): nothing was written, and no retry can help until the certificate is trusted.
 *
 * @public
 */
export const TLS_CERT_CODES: readonly string[] = Object.freeze([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Node's words for a connection closed during the TLS handshake (code ECONNRESET, nothing written). */
export const TLS_DISCONNECT_MESSAGE =
  'Client network socket disconnected before secure TLS connection was established';

/** undici's ProxyAgent's words for a proxy that refused the tunnel (nothing reached the server). */
export const PROXY_REFUSED = /^Proxy response \((\d+)\) !== 200 when HTTP Tunneling$/;

/**
 * Deno's `fetch` words for a failure of its connector (TCP connect, DNS, TLS handshake: its error
 * has no `code`): nothing of the request was written.
 */
const DENO_CONNECT_FAILED = /: client error \(Connect\)/;

/** One link of a cause chain, as the classifiers read it. */
export type ErrorLike = {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  syscall?: unknown;
};

/** What the cause chain says about the write: the phase, and the link that said it (if any did). */
export interface WriteEvidence {
  readonly phase: TransportPhase;
  /** The link that decided the phase; undefined when no link said anything either way. */
  readonly link: ErrorLike | undefined;
  readonly chain: readonly ErrorLike[];
}

/** The phase of `err` and the link of its cause chain that decided it. See {@link classifyTransportError}. */
export function writeEvidence(err: unknown): WriteEvidence {
  const chain = connectStory(causeChain(err) as ErrorLike[]);
  const sides = chain.map(sideOf);
  const after = sides.indexOf('after');
  if (after >= 0) return { phase: 'after-write', link: chain[after], chain };
  const before = sides.indexOf('before');
  if (before >= 0) return { phase: 'before-write', link: chain[before], chain };
  return { phase: 'after-write', link: undefined, chain };
}

/**
 * The chain down to the first link that ended a connect (undici said so, or a proxy's tunnel
 * failed): what lies below it is that connect's own story (undici 8's `ProxyConnectionError` wraps
 * the proxy socket's `UND_ERR_SOCKET`), not evidence that the request was written.
 */
function connectStory(chain: ErrorLike[]): ErrorLike[] {
  const end = chain.findIndex((e) => codeOf(e) === 'UND_ERR_PRX_CONN' || failedInConnect(e));
  return end === -1 ? chain : chain.slice(0, end + 1);
}

/** A link's own `code`, when it is a string. */
export const codeOf = (e: ErrorLike): string | undefined => (typeof e.code === 'string' ? e.code : undefined);

/**
 * Whether a failed call's request was written before the transport failed, looking through
 * `cause` chains (fetch's `TypeError: fetch failed`) and `AggregateError` members, at most 5
 * deep. Evidence of a write anywhere in the chain wins; with no evidence either way the answer is
 * `after-write`, since the call may have been committed.
 *
 * Before the write: an error undici reported as its connector's failure (on the
 * `undici:client:connectError` diagnostics channel: DNS, TCP, TLS handshake, a proxy's tunnel;
 * what lies below it in the chain is not read), ECONNREFUSED, ENOTFOUND, EAI_AGAIN, ENETUNREACH,
 * EHOSTUNREACH, UND_ERR_CONNECT_TIMEOUT (undici's `ConnectTimeoutError`), UND_ERR_PRX_CONN (a
 * proxy's tunnel that failed), EMFILE and ENFILE (no file descriptor left for a socket),
 * ZIM_ATTEMPT_UNSENT (an attempt timed out before the dispatcher started it), any error of a `connect` call, a certificate refused
 * ({@link TLS_CERT_CODES}), a socket closed before TLS was established, a proxy that refused the
 * tunnel, fetch's "bad port", Deno's fetch's "client error (Connect)".
 * After it: ECONNRESET, EPIPE, UND_ERR_SOCKET ("other side closed"), UND_ERR_HEADERS_TIMEOUT,
 * UND_ERR_BODY_TIMEOUT, UND_ERR_CLOSED, any other ETIMEDOUT, anything unknown.
 *
 * @example classifyTransportError(await fetch(url).catch((e) => e)) // { phase: 'before-write', code: 'ECONNREFUSED' }
 *
 * @public
 */
export function classifyTransportError(err: unknown): TransportErrorInfo {
  const { phase, link, chain } = writeEvidence(err);
  if (link && phase === 'after-write') return Object.freeze({ phase, code: codeOf(link) });
  if (link)
    return Object.freeze({
      phase,
      code: codeOf(link) ?? (isConnectTimeout(link) ? 'UND_ERR_CONNECT_TIMEOUT' : firstCode(chain)),
    });
  return Object.freeze({ phase, code: firstCode(chain) });
}

const firstCode = (chain: readonly ErrorLike[]) => chain.map(codeOf).find((c) => c !== undefined);

const isConnectTimeout = (e: ErrorLike) => e.name === 'ConnectTimeoutError';

/** What one link says: written (`after`), not written (`before`), or nothing. */
function sideOf(e: ErrorLike): 'before' | 'after' | undefined {
  if (isBeforeWrite(e)) return 'before';
  if (isAfterWrite(e)) return 'after';
  return undefined;
}

function isBeforeWrite(e: ErrorLike): boolean {
  const code = codeOf(e);
  if (code !== undefined && (BEFORE_WRITE_CODES.includes(code) || TLS_CERT_CODES.includes(code))) return true;
  if (e.syscall === 'connect' || isConnectTimeout(e)) return true;
  if (e.message === TLS_DISCONNECT_MESSAGE || e.message === 'bad port') return true;
  if (typeof e.message === 'string' && (PROXY_REFUSED.test(e.message) || DENO_CONNECT_FAILED.test(e.message)))
    return true;
  return failedInConnect(e);
}

function isAfterWrite(e: ErrorLike): boolean {
  if (typeof e.code === 'string' && AFTER_WRITE_CODES.includes(e.code)) return true;
  if (e.code === 'ETIMEDOUT') return true; // not of a connect call: that one is before the write
  return e.message === 'other side closed';
}
