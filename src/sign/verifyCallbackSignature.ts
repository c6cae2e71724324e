import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * A callback from ZEGO to your server, as its query or body carries it.
 *
 * @public
 */
export interface CallbackSignatureInput {
  /** The `signature` field ZEGO sent. */
  readonly signature: string;
  /**
   * The `timestamp` field, as ZEGO sent it: Unix seconds or milliseconds (ZEGO's pages disagree,
   * so the unit is inferred from the magnitude), a number or a string.
   */
  readonly timestamp: string | number;
  /** The `nonce` field. */
  readonly nonce: string | number;
  /** The secret ZEGO signs callbacks with: the ServerSecret of your project (Admin Console: your project, Basic Configurations). */
  readonly callbackSecret: string;
  /** Reject callbacks older (or further in the future) than this many seconds. `Infinity` turns the check off. @default 300 */
  readonly maxAgeSeconds?: number;
  /** The current time in milliseconds. @default `Date.now()` */
  readonly now?: number;
}

/**
 * Timestamps at or above this are milliseconds: 1e11 seconds is the year 5138, 1e11 milliseconds
 * is March 1973, so no real callback is ambiguous.
 */
const MS_THRESHOLD = 1e11;

/**
 * A callback `timestamp` in milliseconds, whichever unit it came in (inferred from its magnitude),
 * from a number or a decimal string; `undefined` when it is not a finite non-negative number.
 *
 * @public
 */
export function callbackTimestampMs(timestamp: unknown): number | undefined {
  if (typeof timestamp === 'string' && !/^\s*\d+(\.\d+)?\s*$/.test(timestamp)) return undefined;
  if (typeof timestamp !== 'string' && typeof timestamp !== 'number') return undefined;
  const n = Number(timestamp);
  if (!Number.isFinite(n) || n < 0) return undefined;
  return n >= MS_THRESHOLD ? n : n * 1000;
}

/**
 * Lower-case hex SHA-1 of the callback secret, timestamp and nonce, sorted and concatenated.
 *
 * @public
 */
export function computeCallbackSignature(
  callbackSecret: string,
  timestamp: string | number,
  nonce: string | number,
): string {
  const parts = [callbackSecret, String(timestamp), String(nonce)].sort();
  return createHash('sha1').update(parts.join('')).digest('hex');
}

/** Whether `signature` is the SHA-1 of the secret, timestamp and nonce (constant-time comparison). */
export function isCallbackSignatureValid(input: CallbackSignatureInput): boolean {
  if (typeof input.signature !== 'string') return false;
  if (typeof input.timestamp !== 'string' && typeof input.timestamp !== 'number') return false;
  if (typeof input.nonce !== 'string' && typeof input.nonce !== 'number') return false;
  const expected = Buffer.from(
    computeCallbackSignature(input.callbackSecret, input.timestamp, input.nonce),
    'utf8',
  );
  const given = Buffer.from(input.signature.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Whether a callback timestamp (either unit) is within `maxAgeSeconds` of `now` (ms). */
export function isCallbackFresh(timestamp: unknown, maxAgeSeconds = 300, now = Date.now()): boolean {
  const ms = callbackTimestampMs(timestamp);
  return ms !== undefined && Math.abs(now - ms) <= maxAgeSeconds * 1000;
}

/**
 * Whether a ZEGO callback is genuine and fresh: the signature matches (compared in constant
 * time) and the timestamp (seconds or milliseconds, number or string) is within `maxAgeSeconds`
 * of now, so an old callback cannot be replayed.
 *
 * @public
 */
export function verifyCallbackSignature(input: CallbackSignatureInput): boolean {
  const maxAge = input.maxAgeSeconds ?? 300;
  if (!(typeof maxAge === 'number' && maxAge >= 0)) {
    throw new TypeError(`expected maxAgeSeconds to be a non-negative number, got ${String(maxAge)}`);
  }
  return isCallbackFresh(input.timestamp, maxAge, input.now ?? Date.now()) && isCallbackSignatureValid(input);
}
