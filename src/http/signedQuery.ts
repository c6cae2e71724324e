import type { SignedParams } from '../sign/signRequest.js';

/** The signed public parameters as a query fragment (`&AppId=...&Signature=...`): digits and hex, nothing to escape. */
export function signedQuery(signed: SignedParams): string {
  return `&AppId=${signed.AppId}&SignatureNonce=${signed.SignatureNonce}&Timestamp=${signed.Timestamp}&SignatureVersion=${signed.SignatureVersion}&Signature=${signed.Signature}`;
}
