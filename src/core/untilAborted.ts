import { onAbort } from './onAbort.js';

/**
 * `promise`, or the signal's reason as soon as it aborts: a wait on user code (a `serverSecret()`
 * that never resolves) cannot outlive the call's signal or the client's `close()`.
 * @internal
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const remove = onAbort(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        remove();
        resolve(value);
      },
      (error: unknown) => {
        remove();
        reject(error);
      },
    );
  });
}
