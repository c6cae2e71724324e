import { randomInt } from 'node:crypto';
import { computeCallbackSignature } from '../../sign/verifyCallbackSignature.js';

/** The common fields ZEGO puts on every callback delivery, and the business fields after them. */
export function signCallbackFields(
  event: string,
  fields: Readonly<Record<string, unknown>>,
  o: { readonly appId: number; readonly secret: string; readonly nowMs: number; readonly unit: 's' | 'ms' },
): Record<string, unknown> {
  const timestamp = o.unit === 'ms' ? Math.floor(o.nowMs) : Math.floor(o.nowMs / 1000);
  const nonce = String(randomInt(100_000_000, 999_999_999));
  return {
    appid: String(o.appId),
    event,
    nonce,
    timestamp,
    signature: computeCallbackSignature(o.secret, timestamp, nonce),
    ...fields,
  };
}
