import type { Permit } from '../limits/Limiter.js';

/** One call waiting for a slot. `resolve` and `reject` say whether it was still waiting. */
export interface Wait {
  readonly weight: number;
  resolve(permit: Permit): boolean;
  reject(reason: unknown): boolean;
}

interface Entry extends Wait {
  done: boolean;
}

/** Past this many settled entries at the head (and half the array), the array is compacted. */
const COMPACT_AFTER = 1024;

/**
 * The calls waiting for a slot of one limiter, in order (priority ones first). A wait leaves it
 * when it is resolved, rejected or aborted; an abort removes its listener either way.
 */
export class WaitQueue {
  readonly #onAbort: () => void;
  #entries: Entry[] = [];
  #head = 0;
  #size = 0;

  /** `onAbort` runs after a wait was aborted (the head may have changed). */
  constructor(onAbort: () => void) {
    this.#onAbort = onAbort;
  }

  /** Calls waiting. */
  get size(): number {
    return this.#size;
  }

  /** Queues a wait for `weight` units; rejects with the signal's reason on abort. */
  add(weight: number, signal: AbortSignal | undefined, priority: boolean): Promise<Permit> {
    return new Promise<Permit>((resolve, reject) => {
      const onAbort = () => {
        if (entry.reject(signal?.reason)) this.#onAbort();
      };
      const settle = () => {
        if (entry.done) return false;
        entry.done = true;
        this.#size--;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const entry: Entry = {
        weight,
        done: false,
        resolve: (permit) => {
          if (!settle()) return false;
          resolve(permit);
          return true;
        },
        reject: (reason) => {
          if (!settle()) return false;
          reject(reason);
          return true;
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#size++;
      if (priority) {
        this.#entries = this.#entries.slice(this.#head);
        this.#head = 0;
        this.#entries.unshift(entry);
      } else {
        this.#entries.push(entry);
      }
    });
  }

  /** The first wait still waiting. */
  first(): Wait | undefined {
    while (this.#head < this.#entries.length && this.#entries[this.#head]!.done) this.#head++;
    if (this.#head > COMPACT_AFTER && this.#head * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#head = 0;
    }
    return this.#entries[this.#head];
  }

  /** Up to `n` waits from the head, in order. */
  firstN(n: number): Wait[] {
    const waits: Wait[] = [];
    for (let i = this.#head; i < this.#entries.length && waits.length < n; i++) {
      const entry = this.#entries[i]!;
      if (!entry.done) waits.push(entry);
    }
    return waits;
  }

  /** Rejects every wait with `reason`. */
  rejectAll(reason: unknown): void {
    const entries = this.#entries.slice(this.#head);
    this.#entries = [];
    this.#head = 0;
    for (const entry of entries) entry.reject(reason);
  }
}
