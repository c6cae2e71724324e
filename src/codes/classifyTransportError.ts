import { causeChain } from './causeChain.js';

/**
 * When a transport error happened, and so whether a retry could repeat a committed call:
 * - `before-write`: the request never reached the server (refused, DNS, connect timeout);
 *   retrying is safe for every action;
 * - `after-write`: the request may have been sent and even committed (reset, closed socket,
 *   response timeout, or anything not known to be earlier); retry only idempotent actions.
 */
export type TransportPhase = 'before-write' | 'after-write';

/** The phase of a transport error and the error code that decided it. */
export interface TransportErrorInfo {
  /** When the error happened: see {@link TransportPhase}. */
  readonly phase: TransportPhase;
  /** The `code` that decided the phase (`ECONNREFUSED`, `UND_ERR_SOCKET`...), else the first string `code` in the chain, else `undefined`. */
  readonly code: string | undefined;
}

/** Codes that mean the connection was never made, so nothing was written. */
export const BEFORE_WRITE_CODES: readonly string[] = Object.freeze([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Codes that mean the connection failed once the request may have been written. */
export const AFTER_WRITE_CODES: readonly string[] = Object.freeze([
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

type ErrorLike = { code?: unknown; name?: unknown; message?: unknown; syscall?: unknown };

/**
 * Whether a failed call's request was written before the transport failed, looking through
 * `cause` chains (fetch's `TypeError: fetch failed`) and `AggregateError` members, at most 5
 * deep. Evidence of a write anywhere in the chain wins; with no evidence either way the answer is
 * `after-write`, since the call may have been committed.
 *
 * Before the write: ECONNREFUSED, ENOTFOUND, EAI_AGAIN, ENETUNREACH, EHOSTUNREACH,
 * UND_ERR_CONNECT_TIMEOUT (undici's `ConnectTimeoutError`), ETIMEDOUT of a `connect` call.
 * After it: ECONNRESET, EPIPE, UND_ERR_SOCKET ("other side closed"), UND_ERR_HEADERS_TIMEOUT,
 * UND_ERR_BODY_TIMEOUT, UND_ERR_CLOSED, any other ETIMEDOUT, anything unknown.
 *
 * @example classifyTransportError(await fetch(url).catch((e) => e)) // { phase: 'before-write', code: 'ECONNREFUSED' }
 */
export function classifyTransportError(err: unknown): TransportErrorInfo {
  const chain = causeChain(err) as ErrorLike[];
  const codeOf = (e: ErrorLike) => (typeof e.code === 'string' ? e.code : undefined);
  const after = chain.find(isAfterWrite);
  if (after) return Object.freeze({ phase: 'after-write', code: codeOf(after) });
  const before = chain.find(isBeforeWrite);
  if (before)
    return Object.freeze({ phase: 'before-write', code: codeOf(before) ?? 'UND_ERR_CONNECT_TIMEOUT' });
  return Object.freeze({ phase: 'after-write', code: chain.map(codeOf).find((c) => c !== undefined) });
}

function isBeforeWrite(e: ErrorLike): boolean {
  if (typeof e.code === 'string' && BEFORE_WRITE_CODES.includes(e.code)) return true;
  if (e.code === 'ETIMEDOUT' && e.syscall === 'connect') return true;
  return e.name === 'ConnectTimeoutError';
}

function isAfterWrite(e: ErrorLike): boolean {
  if (typeof e.code === 'string' && AFTER_WRITE_CODES.includes(e.code)) return true;
  if (e.code === 'ETIMEDOUT' && e.syscall !== 'connect') return true;
  return e.message === 'other side closed';
}
