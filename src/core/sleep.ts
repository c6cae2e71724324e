import type { Clock } from './Clock.js';
import { onAbort } from './onAbort.js';

/**
 * Waits `ms` on `clock`; rejects with the signal's reason on abort and removes its listener either way.
 * @internal
 */
export function sleep(ms: number, clock: Clock, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const remove = signal
      ? onAbort(signal, () => {
          clock.clearTimeout(handle);
          reject(signal.reason);
        })
      : undefined;
    const handle = clock.setTimeout(() => {
      remove?.();
      resolve();
    }, ms);
  });
}
