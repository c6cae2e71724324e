import type { SignedParams } from '../sign/signRequest.js';

/** Every `Signature=` value of a query (the one the semantic conventions name for redaction). */
const SIGNATURE = /([?&]Signature=)[^&#]*/g;

/**
 * `url.full` of one attempt: the call's URL with the attempt's signed parameters, the
 * `Signature` value replaced by `REDACTED` (as the HTTP semantic conventions say for that key).
 * The secret itself is never in a URL; the signature is the only value derived from it.
 */
export function attemptUrl(unsigned: string, signed: SignedParams | undefined): string {
  const base = unsigned.includes('Signature=') ? unsigned.replace(SIGNATURE, '$1REDACTED') : unsigned;
  if (!signed) return base;
  return `${base}&AppId=${signed.AppId}&SignatureNonce=${signed.SignatureNonce}&Timestamp=${signed.Timestamp}&SignatureVersion=${signed.SignatureVersion}&Signature=REDACTED`;
}
