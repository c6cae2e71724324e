/** One callback waiting on a signal: a node of its signal's list. */
interface Waiting {
  callback: (() => void) | undefined;
  prev: Waiting | undefined;
  next: Waiting | undefined;
}

/**
 * The callbacks waiting on one signal, in the order they were added: a linked list, not a `Set`.
 * A long-lived signal (a client's close signal) sees one callback added and removed per call; a
 * `Set` churned that way kept every call's objects alive through the young-generation collections
 * (through the undici door, 3.7 KB a call reached the old generation, and it cost about 45 µs a
 * call; bench/README.md, issue 31).
 * An unlinked node holds nothing of its call.
 */
interface WaitingList {
  head: Waiting | undefined;
  tail: Waiting | undefined;
}

/** The callbacks waiting on each signal: one real listener per signal, however many calls share it. */
const registry = new WeakMap<AbortSignal, WaitingList>();

function fire(this: AbortSignal): void {
  const list = registry.get(this);
  if (!list) return;
  registry.delete(this);
  // a callback may remove later ones (they are skipped); a removed node keeps its `next`
  for (let node = list.head; node; node = node.next) {
    const callback = node.callback;
    node.callback = undefined;
    callback?.();
  }
}

/**
 * Runs `callback` once when `signal` aborts, and returns a function that removes it. A thousand
 * calls on one signal add one listener to it, not a thousand (so no MaxListenersExceededWarning),
 * and the listener is removed with the last callback.
 * @internal
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let list = registry.get(signal);
  if (!list) {
    list = { head: undefined, tail: undefined };
    registry.set(signal, list);
    signal.addEventListener('abort', fire, { once: true });
  }
  const node: Waiting = { callback, prev: list.tail, next: undefined };
  if (list.tail) list.tail.next = node;
  else list.head = node;
  list.tail = node;
  const own = list;
  return () => {
    if (node.callback === undefined) return; // fired, or removed already
    node.callback = undefined;
    const { prev, next } = node;
    if (prev) prev.next = next;
    else own.head = next;
    if (next) next.prev = prev;
    else own.tail = prev;
    node.prev = undefined;
    if (own.head || registry.get(signal) !== own) return;
    registry.delete(signal);
    signal.removeEventListener('abort', fire);
  };
}
