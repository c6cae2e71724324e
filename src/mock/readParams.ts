import type { QueryParams } from './parseQuery.js';

/** The public parameters, which are not the action's own. */
const PUBLIC_PARAMS = new Set([
  'Action',
  'AppId',
  'SignatureNonce',
  'Timestamp',
  'SignatureVersion',
  'Signature',
]);

/** The action's parameters, or why the body could not be read. */
export type ReadParamsResult =
  | { readonly ok: true; readonly params: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly message: string };

/**
 * The action's parameters, whatever the method: the query string (GET actions), with a JSON
 * object body (POST actions) merged over it. Either method is accepted for every action.
 * A non-empty body that is not a JSON object is refused (the caller answers Code 2).
 */
export function readParams(query: QueryParams, body: Buffer): ReadParamsResult {
  const params: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(query)) {
    if (!PUBLIC_PARAMS.has(key)) params[key] = value;
  }
  const text = body.toString('utf8').trim();
  if (text === '') return { ok: true, params };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `the body is not JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: 'the body is not a JSON object' };
  }
  return { ok: true, params: Object.assign(params, parsed) };
}
