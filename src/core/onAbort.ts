/** The callbacks waiting on each signal: one real listener per signal, however many calls share it. */
const registry = new WeakMap<AbortSignal, Set<() => void>>();

function fire(this: AbortSignal): void {
  const callbacks = registry.get(this);
  if (!callbacks) return;
  registry.delete(this);
  for (const callback of callbacks) callback();
}

/**
 * Runs `callback` once when `signal` aborts, and returns a function that removes it. A thousand
 * calls on one signal add one listener to it, not a thousand (so no MaxListenersExceededWarning),
 * and the listener is removed with the last callback.
 * @internal
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let callbacks = registry.get(signal);
  if (!callbacks) {
    callbacks = new Set();
    registry.set(signal, callbacks);
    signal.addEventListener('abort', fire, { once: true });
  }
  callbacks.add(callback);
  const set = callbacks;
  return () => {
    if (!set.delete(callback) || set.size > 0) return;
    if (registry.get(signal) === set) registry.delete(signal);
    signal.removeEventListener('abort', fire);
  };
}
