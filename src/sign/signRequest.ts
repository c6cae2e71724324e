import { createHash, randomFillSync } from 'node:crypto';

/**
 * The public query parameters ZIM wants on every server API call.
 *
 * @public
 */
export interface SignedParams {
  readonly AppId: string;
  readonly SignatureNonce: string;
  readonly Timestamp: string;
  readonly SignatureVersion: '2.0';
  readonly Signature: string;
}

/**
 * What signing needs; `nonce` and `now` are injectable for tests.
 *
 * @public
 */
export interface SignInput {
  readonly appId: number | string;
  readonly serverSecret: string;
  /** 16 hex characters. @default 8 random bytes */
  readonly nonce?: string;
  /** Unix time in seconds. @default `Math.floor(Date.now() / 1000)` */
  readonly timestamp?: number;
}

/**
 * Lower-case hex md5 of `AppId + SignatureNonce + ServerSecret + Timestamp`.
 *
 * @public
 */
export function computeSignature(
  appId: number | string,
  nonce: string,
  serverSecret: string,
  timestamp: number | string,
): string {
  return createHash('md5').update(`${appId}${nonce}${serverSecret}${timestamp}`).digest('hex');
}

const pool = Buffer.allocUnsafe(8 * 512);
let poolOffset = pool.length;

/** A fresh nonce: 16 hex characters from 8 random bytes (drawn from a pool refilled 512 nonces at a time). */
function createNonce(): string {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 8;
  return pool.toString('hex', poolOffset - 8, poolOffset);
}

/**
 * Builds the public signed parameters for one attempt. Every attempt must be signed anew.
 *
 * @public
 */
export function signRequest(input: SignInput): SignedParams {
  const nonce = input.nonce ?? createNonce();
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    AppId: String(input.appId),
    SignatureNonce: nonce,
    Timestamp: String(timestamp),
    SignatureVersion: '2.0',
    Signature: computeSignature(input.appId, nonce, input.serverSecret, timestamp),
  };
}
