/** Timers of delayed answers, so that `close()` can cancel every one of them. */
export class Delays {
  readonly #pending = new Map<NodeJS.Timeout, () => void>();
  #closed = false;

  /** True once `cancelAll` ran: a waiter that wakes up must not answer any more. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Resolves after `ms` milliseconds, or at once when the server closes. */
  wait(ms: number): Promise<void> {
    if (ms <= 0 || this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(timer);
        resolve();
      }, ms);
      this.#pending.set(timer, resolve);
    });
  }

  /** Clears every timer and wakes every waiter. */
  cancelAll(): void {
    this.#closed = true;
    for (const [timer, resolve] of this.#pending) {
      clearTimeout(timer);
      resolve();
    }
    this.#pending.clear();
  }
}
