import { onAbort } from './onAbort.js';

/**
 * A signal that aborts when any of `signals` does, and a `dispose` that removes the listeners it added.
 * @internal
 */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  dispose(): void;
}

/**
 * Like `AbortSignal.any`, but the listeners are removed by `dispose()`, so a long-lived signal
 * (a client's close signal, a caller's signal shared by many calls) does not collect one
 * listener per call: see `onAbort`.
 * @internal
 */
export function linkSignals(...signals: (AbortSignal | undefined)[]): LinkedSignal {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  const controller = new AbortController();
  const aborted = present.find((s) => s.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
    return { signal: controller.signal, dispose: () => {} };
  }
  const removers = present.map((s) =>
    onAbort(s, () => {
      dispose();
      controller.abort(s.reason);
    }),
  );
  const dispose = () => {
    for (const remove of removers) remove();
  };
  return { signal: controller.signal, dispose };
}
