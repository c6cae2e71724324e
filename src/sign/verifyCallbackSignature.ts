import { createHash, timingSafeEqual } from 'node:crypto';

/** A callback from ZEGO to your server, as its query or body carries it. */
export interface CallbackSignatureInput {
  /** The `signature` field ZEGO sent. */
  readonly signature: string;
  /** The `timestamp` field (Unix seconds). */
  readonly timestamp: string | number;
  /** The `nonce` field. */
  readonly nonce: string | number;
  /** Your callback secret (the ServerSecret in the ZEGO console). */
  readonly callbackSecret: string;
  /** Reject callbacks older (or further in the future) than this many seconds. `Infinity` turns the check off. @default 300 */
  readonly maxAgeSeconds?: number;
  /** The current time in milliseconds. @default `Date.now()` */
  readonly now?: number;
}

/** Lower-case hex SHA-1 of the callback secret, timestamp and nonce, sorted and concatenated. */
export function computeCallbackSignature(
  callbackSecret: string,
  timestamp: string | number,
  nonce: string | number,
): string {
  const parts = [callbackSecret, String(timestamp), String(nonce)].sort();
  return createHash('sha1').update(parts.join('')).digest('hex');
}

/**
 * Whether a ZEGO callback is genuine and fresh: the signature matches (compared in constant
 * time) and the timestamp is within `maxAgeSeconds` of now, so an old callback cannot be replayed.
 */
export function verifyCallbackSignature(input: CallbackSignatureInput): boolean {
  const maxAge = input.maxAgeSeconds ?? 300;
  if (!(typeof maxAge === 'number' && maxAge >= 0)) {
    throw new TypeError(`expected maxAgeSeconds to be a non-negative number, got ${String(maxAge)}`);
  }
  const ts = Number(input.timestamp);
  if (!Number.isFinite(ts)) return false;
  const nowSeconds = (input.now ?? Date.now()) / 1000;
  if (Math.abs(nowSeconds - ts) > maxAge) return false;
  if (typeof input.signature !== 'string') return false;
  const expected = Buffer.from(
    computeCallbackSignature(input.callbackSecret, input.timestamp, input.nonce),
    'utf8',
  );
  const given = Buffer.from(input.signature.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
