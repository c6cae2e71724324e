import { signedQuery } from '../http/signedQuery.js';
import type { SignedParams } from '../sign/signRequest.js';

/** The public parameters every attempt signs anew. */
const SIGNED_KEYS: readonly string[] = Object.freeze([
  'AppId',
  'SignatureNonce',
  'Timestamp',
  'SignatureVersion',
  'Signature',
]);

/** Whether a query carries signed parameters of an earlier signature. */
const hasSignedParams = (search: URLSearchParams): boolean => SIGNED_KEYS.some((key) => search.has(key));

/**
 * A path or URL (`.../?Action=X&...`) as each attempt can append its own signed parameters to:
 * as given, unless it carries old ones (they are taken out) or a fragment.
 */
export function unsignedTarget(target: string, search: URLSearchParams): string {
  const hash = target.indexOf('#');
  const bare = hash === -1 ? target : target.slice(0, hash);
  if (!hasSignedParams(search)) return bare;
  const unsigned = new URLSearchParams(search);
  for (const key of SIGNED_KEYS) unsigned.delete(key);
  return `${bare.slice(0, bare.indexOf('?'))}?${unsigned}`;
}

/** The target of one attempt: the unsigned target and this attempt's signed parameters, if any. */
export const signedTarget = (unsigned: string, signed: SignedParams | undefined): string =>
  signed ? unsigned + signedQuery(signed) : unsigned;
