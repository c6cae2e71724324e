import { randomBytes } from 'node:crypto';
import type { BeforeSendVerdict } from './BeforeSendVerdict.js';
import type { DedupeClaim, DedupeStore } from './DedupeStore.js';

interface Entry {
  readonly token: string | undefined;
  readonly verdict: BeforeSendVerdict | undefined;
  readonly expiresAt: number;
}

/** Dedupe in this process's memory; expired keys are dropped as new ones come in. */
export class MemoryDedupeStore implements DedupeStore {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #prune(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) break; // oldest first: stop at the first live one
      this.#entries.delete(key);
    }
  }

  async claim(key: string, pendingTtlMs: number): Promise<DedupeClaim> {
    this.#prune();
    const entry = this.#live(key);
    if (entry)
      return entry.token === undefined ? { state: 'done', verdict: entry.verdict } : { state: 'pending' };
    const token = randomBytes(8).toString('hex');
    this.#entries.set(key, { token, verdict: undefined, expiresAt: this.#now() + pendingTtlMs });
    return { state: 'new', token };
  }

  async done(key: string, ttlMs: number, verdict?: BeforeSendVerdict): Promise<void> {
    this.#entries.delete(key); // re-inserted last, so the map stays ordered by expiry
    this.#entries.set(key, { token: undefined, verdict, expiresAt: this.#now() + ttlMs });
  }

  async release(key: string, token: string): Promise<void> {
    if (this.#entries.get(key)?.token === token) this.#entries.delete(key);
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
