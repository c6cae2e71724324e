// `onAbort`: many callbacks on one signal share one listener; each runs once, in the order added,
// unless removed first (even by an earlier callback); the listener goes with the last callback.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onAbort } from '../src/core/onAbort.js';

const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('onAbort', () => {
  it('runs every callback once, in the order added, through one listener', () => {
    const controller = new AbortController();
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) onAbort(controller.signal, () => seen.push(i));
    expect(listeners(controller.signal)).toBe(1);
    controller.abort();
    controller.abort();
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(listeners(controller.signal)).toBe(0);
  });

  it('skips what was removed, from the head, the middle or the tail, and removing twice is harmless', () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const remove = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e'].map((name) => [name, onAbort(controller.signal, () => seen.push(name))]),
    );
    remove.a!();
    remove.c!();
    remove.e!();
    remove.c!();
    controller.abort();
    expect(seen).toEqual(['b', 'd']);
  });

  it('removes its listener with the last callback, and adds one again for the next', () => {
    const controller = new AbortController();
    const first = onAbort(controller.signal, () => {});
    const second = onAbort(controller.signal, () => {});
    first();
    expect(listeners(controller.signal)).toBe(1);
    second();
    expect(listeners(controller.signal)).toBe(0);
    let ran = 0;
    onAbort(controller.signal, () => ran++);
    expect(listeners(controller.signal)).toBe(1);
    controller.abort();
    expect(ran).toBe(1);
  });

  it('a callback that removes a later one while the signal aborts: the later one does not run', () => {
    const controller = new AbortController();
    const seen: string[] = [];
    let removeLater = () => {};
    onAbort(controller.signal, () => {
      seen.push('first');
      removeLater();
    });
    removeLater = onAbort(controller.signal, () => seen.push('later'));
    onAbort(controller.signal, () => seen.push('last'));
    controller.abort();
    expect(seen).toEqual(['first', 'last']);
  });

  it('a remover called after the abort does nothing (and a new callback on the aborted signal never runs)', () => {
    const controller = new AbortController();
    let ran = 0;
    const remove = onAbort(controller.signal, () => ran++);
    controller.abort();
    remove();
    expect(ran).toBe(1);
    expect(listeners(controller.signal)).toBe(0);
  });

  it('a thousand callbacks added and removed one after another leave nothing behind', () => {
    const controller = new AbortController();
    const keep = onAbort(controller.signal, () => {});
    for (let i = 0; i < 1000; i++) onAbort(controller.signal, () => {})();
    expect(listeners(controller.signal)).toBe(1);
    keep();
    expect(listeners(controller.signal)).toBe(0);
  });
});
