/**
 * An exact sliding window over arrival times: at most `limit` units in any window of
 * `windowMs` milliseconds. The window that ends at `t` holds the arrivals in
 * `(t - windowMs, t]`, so two arrivals exactly `windowMs` apart never share a window.
 *
 * Only what was `take`n counts: a caller that checks with `canTake` and then refuses the
 * request consumes nothing. Times are expected not to go backwards; an earlier time than
 * the last one taken is treated as the last one, which keeps the guarantee exact.
 *
 * @public
 */
export class SlidingWindow {
  readonly windowMs: number;
  readonly limit: number;
  #times: number[] = [];
  #units: number[] = [];
  #head = 0;
  #sum = 0;
  #last = Number.NEGATIVE_INFINITY;

  /** `limit` may be `Infinity` for a window that only measures. */
  constructor(windowMs: number, limit: number) {
    if (!(Number.isFinite(windowMs) && windowMs > 0)) {
      throw new TypeError(`expected windowMs to be a positive finite number, got ${windowMs}`);
    }
    if (!(limit >= 0)) throw new TypeError(`expected limit to be a non-negative number, got ${limit}`);
    this.windowMs = windowMs;
    this.limit = limit;
  }

  /** Units taken in the window that ends at `now`. */
  used(now: number): number {
    this.#prune(Math.max(now, this.#last));
    return this.#sum;
  }

  /** Whether `units` more fit in the window that ends at `now`. Consumes nothing. */
  canTake(now: number, units = 1): boolean {
    return this.used(now) + units <= this.limit;
  }

  /** Records `units` at `now`, whether they fit or not. Returns the units now in the window. */
  take(now: number, units = 1): number {
    const t = Math.max(now, this.#last);
    this.#prune(t);
    this.#times.push(t);
    this.#units.push(units);
    this.#sum += units;
    this.#last = t;
    return this.#sum;
  }

  /** Takes `units` at `now` if they fit; otherwise consumes nothing and returns false. */
  tryTake(now: number, units = 1): boolean {
    if (!this.canTake(now, units)) return false;
    this.take(now, units);
    return true;
  }

  #prune(now: number): void {
    const edge = now - this.windowMs;
    while (this.#head < this.#times.length && this.#times[this.#head]! <= edge) {
      this.#sum -= this.#units[this.#head]!;
      this.#head++;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#times.length) {
      this.#times = this.#times.slice(this.#head);
      this.#units = this.#units.slice(this.#head);
      this.#head = 0;
    }
  }
}
