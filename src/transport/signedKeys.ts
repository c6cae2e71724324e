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
 * A first look at the string, with no parsing: a target in which none of these words appear (and
 * no `%`, which could spell one) has none of the signed keys. Most calls (unsigned) stop here.
 */
const MAY_BE_SIGNED = /Signature|AppId|Timestamp|%/;

/**
 * A path or URL (`.../?Action=X&...`) as each attempt can append its own signed parameters to:
 * as given, unless it carries old ones (they are taken out) or a fragment. `search` is its query,
 * parsed here from `target` when not given (and only if the target may hold signed keys).
 */
export function unsignedTarget(target: string, search?: URLSearchParams): string {
  const hash = target.indexOf('#');
  const bare = hash === -1 ? target : target.slice(0, hash);
  if (!MAY_BE_SIGNED.test(bare)) return bare;
  const query = search ?? new URLSearchParams(bare.slice(bare.indexOf('?') + 1));
  if (!hasSignedParams(query)) return bare;
  const unsigned = new URLSearchParams(query);
  for (const key of SIGNED_KEYS) unsigned.delete(key);
  return `${bare.slice(0, bare.indexOf('?'))}?${unsigned}`;
}

/** The target of one attempt: the unsigned target and this attempt's signed parameters, if any. */
export const signedTarget = (unsigned: string, signed: SignedParams | undefined): string =>
  signed ? unsigned + signedQuery(signed) : unsigned;
