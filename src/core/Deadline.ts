import type { Clock } from './Clock.js';
import { onAbort } from './onAbort.js';

/** The reason a wait was cut by the call's deadline. Internal: the call ends with its last outcome. */
export class DeadlineExceeded extends Error {
  constructor(ms: number) {
    super(`the deadline of ${ms} ms passed`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * A call's deadline: `signal` aborts at `at` (with `DeadlineExceeded`) or when the call's signal
 * does (with its reason). One timer, made only for a call that retries or is requeued.
 */
export class Deadline {
  readonly at: number;
  readonly #controller = new AbortController();
  readonly #clock: Clock;
  readonly #timer: unknown;
  readonly #unlisten: () => void;

  constructor(at: number, deadlineMs: number, clock: Clock, parent: AbortSignal) {
    this.at = at;
    this.#clock = clock;
    const controller = this.#controller;
    this.#unlisten = onAbort(parent, () => controller.abort(parent.reason));
    if (parent.aborted) controller.abort(parent.reason);
    this.#timer = clock.setTimeout(
      () => controller.abort(new DeadlineExceeded(deadlineMs)),
      Math.max(0, at - clock.now()),
    );
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Milliseconds left (0 once passed). */
  remaining(): number {
    return Math.max(0, this.at - this.#clock.now());
  }

  dispose(): void {
    this.#clock.clearTimeout(this.#timer);
    this.#unlisten();
  }
}
