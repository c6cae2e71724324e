import type { Target } from '../MockProcess.js';
import { pkg } from '../pkg.js';

/** The URL of one attempt, signed as a user without the package would sign it: anew per call. */
export function signedUrl(target: Target, action: string): string {
  const signed = pkg.signRequest({ appId: target.appId, serverSecret: target.serverSecret });
  return `${target.url}/?Action=${action}&${new URLSearchParams({ ...signed })}`;
}
