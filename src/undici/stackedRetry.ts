/** What undici's `RetryHandler` (of `interceptors.retry`) keeps of its options. */
interface RetryOptionsLike {
  readonly retry?: unknown;
  readonly methods?: unknown;
}

/**
 * Whether the handler a ZIM call came with is undici's `RetryHandler` that would send it again:
 * `interceptors.retry` composed after `zimInterceptor` (outside it), with this method among its
 * `methods`, or with a `retry` function of the user's (which may retry anything).
 */
export function retriesAbove(handler: object, method: string): boolean {
  const options = (handler as { retryOpts?: RetryOptionsLike }).retryOpts;
  if (typeof options !== 'object' || options === null) return false;
  const ctor = handler.constructor as unknown as Record<symbol, unknown>;
  const defaults = Object.getOwnPropertySymbols(ctor).map((key) => ctor[key]);
  if (typeof options.retry === 'function' && !defaults.includes(options.retry)) return true;
  return Array.isArray(options.methods) && options.methods.includes(method.toUpperCase());
}

const FIX =
  'zimInterceptor already retries ZIM calls (and knows which may have committed): compose interceptors.retry on a dispatcher of its own for the other hosts (docs/undici.md)';

/** The refusal of a ZIM call that another retry layer would send again: a configuration error, loud, before a second arrival. */
export function stackedRetryError(where: 'above' | 'below'): TypeError {
  const what =
    where === 'above'
      ? "undici's interceptors.retry is composed after zimInterceptor (outside it), so it would send ZIM calls again on top of their own retries"
      : "a dispatcher composed before zimInterceptor (undici's interceptors.retry, or redirect) sent an attempt again by itself";
  return Object.assign(new TypeError(`${what}; ${FIX}`), { code: 'ZIM_STACKED_RETRY' });
}
