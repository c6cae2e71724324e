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

  /** Milliseconds until one more call fits the quota: 0 when it fits now. */
  waitMs(): number {
    const now = this.#clock.now();
    while (this.#sent.length > 0 && this.#sent[0]! <= now - DAY_MS) this.#sent.shift();
    return this.#sent.length >= this.limit ? this.#sent[0]! + DAY_MS - now : 0;
  }

  /** Takes one call from the quota; returns 0 on success, else the milliseconds until one fits. */
  take(): number {
    const wait = this.waitMs();
    if (wait === 0) this.#sent.push(this.#clock.now());
    return wait;
  }
}
