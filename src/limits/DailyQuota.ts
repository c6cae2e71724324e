import type { Clock } from '../core/Clock.js';
import type { Quota, QuotaTake } from './Quota.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Calls allowed in any sliding 24 hours, in process, on the monotonic clock (a wall-clock step frees nothing). */
export class DailyQuota implements Quota {
  readonly limit: number;
  readonly #clock: Clock;
  /** When each call was taken, oldest first. */
  #taken: number[] = [];

  constructor(limit: number, clock: Clock) {
    this.limit = limit;
    this.#clock = clock;
  }

  /** Milliseconds until one more call fits the quota: 0 when it fits now. */
  waitMs(): number {
    const now = this.#clock.now();
    while (this.#taken.length > 0 && this.#taken[0]! <= now - DAY_MS) this.#taken.shift();
    return this.#taken.length >= this.limit ? this.#taken[0]! + DAY_MS - now : 0;
  }

  take(): QuotaTake {
    const retryAfterMs = this.waitMs();
    if (retryAfterMs > 0) return { retryAfterMs };
    const at = this.#clock.now();
    this.#taken.push(at);
    let given = false;
    return {
      ticket: {
        giveBack: () => {
          if (given) return;
          given = true;
          const i = this.#taken.lastIndexOf(at);
          if (i >= 0) this.#taken.splice(i, 1);
        },
      },
    };
  }

  spent(ms: number): void {
    const at = this.#clock.now() - DAY_MS + ms; // frees `ms` from now
    const fill = Math.max(0, this.limit - this.#taken.length);
    this.#taken = [...Array<number>(fill).fill(at), ...this.#taken].sort((a, b) => a - b);
  }
}
