/**
 * What a result means for the caller, and so which remedy applies:
 * - `success`: Code 0, return the body;
 * - `retryable`: transient, the same request later may succeed: back off and retry;
 * - `rate-limited`: refused for call frequency: slow the action's limiter, requeue first, send again;
 * - `auth`: signature or credentials refused: re-sign and send once more;
 * - `fatal`: nothing the client can do: throw after exactly one attempt.
 *
 * @public
 */
export type Category = 'success' | 'retryable' | 'rate-limited' | 'auth' | 'fatal';

/**
 * Every category, in the order above.
 *
 * @public
 */
export const CATEGORIES: readonly Category[] = Object.freeze([
  'success',
  'retryable',
  'rate-limited',
  'auth',
  'fatal',
]);
