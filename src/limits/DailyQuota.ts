import type { Clock } from '../core/Clock.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Calls allowed in any sliding 24 hours, in process. */
export class DailyQuota {
  readonly limit: number;
  readonly #clock: Clock;
  readonly #sent: number[] = [];

  constructor(limit: number, clock: Clock) {
    this.limit = limit;
    this.#clock = clock;
  }

  /** Takes one call from the quota; returns 0 on success, else the milliseconds until one fits. */
  take(): number {
    const now = this.#clock.now();
    while (this.#sent.length > 0 && this.#sent[0]! <= now - DAY_MS) this.#sent.shift();
    if (this.#sent.length >= this.limit) return this.#sent[0]! + DAY_MS - now;
    this.#sent.push(now);
    return 0;
  }
}
