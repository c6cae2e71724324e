import type { SignedParams } from '../sign/signRequest.js';

/** Puts an attempt's signed public parameters into a query, replacing any from an earlier attempt. */
export function setSignedParams(search: URLSearchParams, signed: SignedParams): void {
  for (const [key, value] of Object.entries(signed)) search.set(key, value);
}
