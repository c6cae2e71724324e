import type { CallHandler, Interceptor } from './Interceptor.js';

/**
 * Joins interceptors into one, outermost first: `compose(a, b, c)(send)` runs `a`, then `b`,
 * then `c`, then `send`. Like undici's `compose`, it checks what it is given.
 * @public
 */
export function compose(...interceptors: Interceptor[]): Interceptor {
  interceptors.forEach((interceptor, i) => {
    if (typeof interceptor !== 'function') {
      throw new TypeError(
        `expected interceptor ${i} to be a function (next) => handler, got ${typeof interceptor}`,
      );
    }
  });
  return (next: CallHandler) => {
    let handler = next;
    for (let i = interceptors.length - 1; i >= 0; i--) {
      const wrapped = interceptors[i]!(handler);
      if (typeof wrapped !== 'function') {
        throw new TypeError(`expected interceptor ${i} to return a handler function, got ${typeof wrapped}`);
      }
      handler = wrapped;
    }
    return handler;
  };
}
