import { signRequest } from '../../src/sign/signRequest.js';

/** A ZIM URL as a user's own code would build it, signed once (maybe with a stale timestamp). */
export function signedUrl(
  base: string,
  action: string,
  appId: number,
  secret: string,
  extra: Record<string, string> = {},
  timestamp?: number,
) {
  const url = new URL(base);
  url.searchParams.set('Action', action);
  const signed = signRequest({ appId, serverSecret: secret, ...(timestamp !== undefined && { timestamp }) });
  for (const [k, v] of Object.entries({ ...signed, ...extra })) url.searchParams.set(k, v);
  return url;
}
