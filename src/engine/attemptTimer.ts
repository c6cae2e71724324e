import type { Clock } from '../core/Clock.js';
import { onAbort } from '../core/onAbort.js';
import { AttemptTimeoutError } from './AttemptTimeoutError.js';

/**
 * The rule of every attempt, in every door: an attempt ends at its timeout (`retry.attemptTimeoutMs`)
 * or at the call's abort, whatever the transport does. A dispatcher that never calls back (undici 7's
 * `ProxyAgent` looping on a proxy that hangs up, nodejs/undici#3897), a `fetch` that ignores its
 * signal, a body that never ends: none of them can hold a call. So a call ends within
 * `deadlineMs + attemptTimeoutMs`.
 *
 * `end` must do both: settle the attempt's promise with the reason at once (not when the transport
 * gets round to it), and ask the transport to stop. Every door starts its attempt's timer here:
 * `sendAttempt` (the fetch doors, through {@link settledBy}), the client's undici door and
 * `dispatchAttempt` (the interceptor). Returns the timer to clear, or undefined without a timeout.
 * @internal
 */
export function attemptTimer(
  clock: Clock,
  timeoutMs: number,
  end: (reason: AttemptTimeoutError) => void,
): unknown {
  return Number.isFinite(timeoutMs)
    ? clock.setTimeout(() => end(new AttemptTimeoutError(timeoutMs)), timeoutMs)
    : undefined;
}

/**
 * `sent`, or the abort of `signal` (the attempt's: its timer or the call's abort), whichever comes
 * first: the attempt's promise does not wait for a transport that ignores its signal. A later
 * failure of `sent` is dropped.
 * @internal
 */
export function settledBy<T>(sent: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    sent.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const unlisten = onAbort(signal, () => {
      sent.catch(() => {});
      reject(signal.reason);
    });
    sent.then(
      (value) => {
        unlisten();
        resolve(value);
      },
      (error: unknown) => {
        unlisten();
        reject(error);
      },
    );
  });
}
