import type { ZimCall } from './Call.js';
import type { Outcome } from './Outcome.js';

/**
 * Runs one call (or the rest of the chain) to an outcome.
 * @public
 */
export type CallHandler = (call: ZimCall) => Promise<Outcome>;

/**
 * One remedy, or any step of the user's own: given the rest of the chain, returns a handler.
 * @public
 */
export type Interceptor = (next: CallHandler) => CallHandler;
