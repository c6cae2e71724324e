import { computeSignature } from '../sign/signRequest.js';
import { MOCK_CODES, messageFor } from './mockCodes.js';
import { firstValue, type QueryParams } from './parseQuery.js';

/** What the public-parameter check needs to know about the server. */
export interface PublicParamContext {
  readonly appId: number;
  readonly serverSecret: string;
  /** The server's clock (its `now()` plus its clock offset), in milliseconds. */
  readonly serverNowMs: number;
  readonly isKnownAction: (action: string) => boolean;
}

/** The verdict: the action to run, or the code to answer with. */
export type PublicParamCheck =
  | { readonly ok: true; readonly action: string }
  | { readonly ok: false; readonly code: number; readonly message: string };

/** The largest distance between the Timestamp and the server clock, in seconds (10 minutes). */
const MAX_CLOCK_SKEW_S = 600;

function refuse(code: number, detail?: string): PublicParamCheck {
  return {
    ok: false,
    code,
    message: detail === undefined ? messageFor(code) : `${messageFor(code)} ${detail}`,
  };
}

/**
 * Checks the public query parameters in the order of the real gateway: Action (missing
 * 100000006, unknown 100000007), AppId (missing, not digits or not this app: 100000001),
 * Timestamp (missing 100000002, not an integer 100000003, more than 600 s off the server
 * clock 100000004), SignatureNonce (missing 100000008), Signature (missing 100000009),
 * SignatureVersion (when present, anything but "2.0" is 100000014; missing is accepted) and
 * the signature itself (100000005).
 */
export function checkPublicParams(query: QueryParams, ctx: PublicParamContext): PublicParamCheck {
  const action = firstValue(query['Action']);
  if (action === undefined || action === '') return refuse(MOCK_CODES.actionMissing);
  if (!ctx.isKnownAction(action)) return refuse(MOCK_CODES.actionUnsupported, `(${action})`);

  const appId = firstValue(query['AppId']);
  if (appId === undefined || !/^\d+$/.test(appId)) return refuse(MOCK_CODES.badAppId);
  if (Number(appId) !== ctx.appId) return refuse(MOCK_CODES.badAppId, '(not this app)');

  const timestamp = firstValue(query['Timestamp']);
  if (timestamp === undefined || timestamp === '') return refuse(MOCK_CODES.timestampMissing);
  if (!/^-?\d+$/.test(timestamp)) return refuse(MOCK_CODES.timestampInvalid);
  const skew = Math.abs(Math.floor(ctx.serverNowMs / 1000) - Number(timestamp));
  if (skew > MAX_CLOCK_SKEW_S) return refuse(MOCK_CODES.signatureExpired);

  const nonce = firstValue(query['SignatureNonce']);
  if (nonce === undefined || nonce === '') return refuse(MOCK_CODES.nonceMissing);
  const signature = firstValue(query['Signature']);
  if (signature === undefined || signature === '') return refuse(MOCK_CODES.signatureMissing);
  const version = firstValue(query['SignatureVersion']);
  if (version !== undefined && version !== '2.0') return refuse(MOCK_CODES.signatureVersionUnsupported);

  if (signature !== computeSignature(appId, nonce, ctx.serverSecret, timestamp)) {
    return refuse(MOCK_CODES.signatureInvalid);
  }
  return { ok: true, action };
}
