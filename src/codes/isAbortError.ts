import { causeChain } from './causeChain.js';

/**
 * Whether `err`, or anything it wraps (see `causeChain`), is named `AbortError` or `TimeoutError`:
 * the caller's `AbortSignal` fired, or an `AbortSignal.timeout()` deadline passed. Such an error
 * is the caller's decision, never a reason to retry.
 */
export function isAbortError(err: unknown): boolean {
  return causeChain(err).some((e) => {
    const name = (e as { name?: unknown }).name;
    return name === 'AbortError' || name === 'TimeoutError';
  });
}
