import type { Outcome } from '../core/Outcome.js';

/**
 * Whether a door that hands the final answer back to its caller (`resilientFetch`, `zimInterceptor`)
 * may do so: there is an answer, read whole, and it is not a 2xx without ZIM JSON (a proxy's page,
 * or a body that could not be decoded). Otherwise the door throws the call's typed error, as the
 * client does.
 */
export function handsBack(outcome: Outcome): boolean {
  const response = outcome.response;
  if (!response || response.truncated) return false;
  return response.status >= 300 || outcome.code !== undefined;
}
