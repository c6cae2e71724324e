import type { Permit } from '../limits/Limiter.js';
import { LOW_PRIORITY_SHARE } from '../limits/priorities.js';

/** One call waiting for a slot. `resolve` and `reject` say whether it was still waiting. */
export interface Wait {
  readonly weight: number;
  readonly priority: number;
  /** The queue's count of holds when it joined (see `WaitQueue.holds`). */
  readonly joinedAt: number;
  resolve(permit: Permit): boolean;
  reject(reason: unknown): boolean;
}

interface Entry extends Wait {
  readonly requeued: boolean;
  done: boolean;
}

/** Past this many settled entries at the head (and half the array), the array is compacted. */
const COMPACT_AFTER = 1024;

/**
 * The calls waiting for a slot of one limiter, in order: higher priority first, requeued ones
 * first within one priority, but every `LOW_PRIORITY_SHARE`-th grant while lower priorities wait
 * goes to the oldest of the lowest (as in the in-process limiter). A wait leaves it when it is
 * resolved, rejected or aborted; an abort removes its listener either way.
 */
export class WaitQueue {
  readonly #onAbort: () => void;
  /** Sorted by priority, highest first; settled entries stay until passed. */
  #entries: Entry[] = [];
  #head = 0;
  #size = 0;
  /** Grants in a row to waits above the lowest priority waiting. */
  #aboveLowest = 0;
  /** How many times the limiter had to hold calls back (a full window, a pause): see `held`. */
  holds = 0;

  /** `onAbort` runs after a wait was aborted (the head may have changed). */
  constructor(onAbort: () => void) {
    this.#onAbort = onAbort;
  }

  /** Calls waiting. */
  get size(): number {
    return this.#size;
  }

  /**
   * Queues a wait for `weight` units; rejects with the signal's reason on abort, and with
   * `bound.reason()` once `bound.ms` have passed (a bounded wait).
   */
  add(
    weight: number,
    signal: AbortSignal | undefined,
    requeued: boolean,
    priority = 0,
    bound?: { readonly ms: number; readonly reason: () => unknown; readonly clock: BoundClock },
  ): Promise<Permit> {
    return new Promise<Permit>((resolve, reject) => {
      let timer: unknown;
      const onAbort = () => {
        if (entry.reject(signal?.reason)) this.#onAbort();
      };
      const settle = () => {
        if (entry.done) return false;
        entry.done = true;
        this.#size--;
        signal?.removeEventListener('abort', onAbort);
        if (timer !== undefined) bound!.clock.clearTimeout(timer);
        return true;
      };
      const entry: Entry = {
        weight,
        priority,
        requeued,
        joinedAt: this.holds,
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
      if (bound)
        timer = bound.clock.setTimeout(() => {
          if (entry.reject(bound.reason())) this.#onAbort();
        }, bound.ms);
      this.#size++;
      this.#insert(entry);
    });
  }

  /** Units waiting at `priority` or above (for a bounded wait's estimate). */
  unitsFrom(priority: number): { calls: number; units: number } {
    let calls = 0;
    let units = 0;
    for (let i = this.#head; i < this.#entries.length; i++) {
      const e = this.#entries[i]!;
      if (e.priority < priority) break;
      if (e.done) continue;
      calls++;
      units += e.weight;
    }
    return { calls, units };
  }

  #insert(entry: Entry): void {
    const entries = this.#entries;
    const last = entries[entries.length - 1];
    if (!entry.requeued && (!last || last.priority >= entry.priority)) {
      entries.push(entry); // the usual case: behind everything
      return;
    }
    let i = this.#head;
    while (i < entries.length) {
      const e = entries[i]!;
      if (e.priority < entry.priority) break;
      if (entry.requeued && e.priority === entry.priority && !e.requeued) break;
      i++;
    }
    entries.splice(i, 0, entry);
  }

  /** The next wait to serve (the share's, when it is due). */
  first(): Wait | undefined {
    return this.firstN(1)[0];
  }

  /** Up to `n` waits, in the order they would be granted. */
  firstN(n: number): Wait[] {
    const entries = this.#entries;
    while (this.#head < entries.length && entries[this.#head]!.done) this.#head++;
    if (this.#head > COMPACT_AFTER && this.#head * 2 > entries.length) {
      this.#entries = entries.slice(this.#head);
      this.#head = 0;
      return this.firstN(n);
    }
    const waits: Wait[] = [];
    let lowest = this.#lowestStart();
    let run = this.#aboveLowest;
    let i = this.#head;
    while (waits.length < n) {
      while (i < entries.length && (entries[i]!.done || waits.includes(entries[i]!))) i++;
      if (i >= entries.length) break;
      const top = entries[i]!;
      if (lowest !== undefined && top.priority > entries[lowest]!.priority && run >= LOW_PRIORITY_SHARE - 1) {
        waits.push(entries[lowest]!);
        run = 0;
        lowest = this.#nextLive(lowest + 1, entries[lowest]!.priority, waits);
        continue;
      }
      waits.push(top);
      run = lowest !== undefined && top.priority > entries[lowest]!.priority ? run + 1 : 0;
      i++;
    }
    return waits;
  }

  /** Tells the queue `wait` was granted (the share counts grants). */
  granted(wait: Wait): void {
    const last = this.#entries[this.#entries.length - 1];
    const lowest = this.#lowestStart();
    const low = lowest === undefined ? last?.priority : this.#entries[lowest]!.priority;
    this.#aboveLowest = low !== undefined && (wait as Entry).priority > low ? this.#aboveLowest + 1 : 0;
  }

  /** The index of the oldest live wait of the lowest priority waiting, if any. */
  #lowestStart(): number | undefined {
    const entries = this.#entries;
    let end = entries.length - 1;
    while (end >= this.#head && entries[end]!.done) end--;
    if (end < this.#head) return undefined;
    const low = entries[end]!.priority;
    // the first index of priority `low` (sorted: binary search), then its first live wait
    let lo = this.#head;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entries[mid]!.priority > low) lo = mid + 1;
      else hi = mid;
    }
    return this.#nextLive(lo, low, []);
  }

  #nextLive(from: number, priority: number, taken: readonly Wait[]): number | undefined {
    const entries = this.#entries;
    for (let i = from; i < entries.length && entries[i]!.priority === priority; i++)
      if (!entries[i]!.done && !taken.includes(entries[i]!)) return i;
    return undefined;
  }

  /** Rejects every wait with `reason`. */
  rejectAll(reason: unknown): void {
    const entries = this.#entries.slice(this.#head);
    this.#entries = [];
    this.#head = 0;
    for (const entry of entries) entry.reject(reason);
  }
}

/** The timers a bounded wait needs. */
export interface BoundClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
