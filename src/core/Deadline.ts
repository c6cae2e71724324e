import type { Clock } from './Clock.js';
import { onAbort } from './onAbort.js';

/**
 * The reason a wait was cut by the call's deadline. Internal: the call ends with its last outcome.
 * @internal
 */
export class DeadlineExceeded extends Error {
  constructor(ms: number) {
    super(`the deadline of ${ms} ms passed`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * A call's deadline, `ms` after `from.firstSentAt` (when its first attempt was sent; now if none was):
 * `signal` aborts then (with `DeadlineExceeded`) or when the call's signal does (with its
 * reason). Lazy: nothing is made (no timer, no controller) until `signal` or `remaining()` is
 * first asked for, so a call that never retries pays one small object.
 * @internal
 */
export class Deadline {
  readonly ms: number;
  readonly #clock: Clock;
  readonly #parent: AbortSignal;
  readonly #from: { readonly firstSentAt: number | undefined };
  #at: number | undefined;
  #controller: AbortController | undefined;
  #timer: unknown;
  #unlisten: (() => void) | undefined;

  constructor(
    ms: number,
    clock: Clock,
    parent: AbortSignal,
    from: { readonly firstSentAt: number | undefined },
  ) {
    this.ms = ms;
    this.#clock = clock;
    this.#parent = parent;
    this.#from = from;
  }

  /** When it passes (clock milliseconds), fixed at the first ask. */
  get at(): number {
    this.#at ??= (this.#from.firstSentAt ?? this.#clock.now()) + this.ms;
    return this.#at;
  }

  get signal(): AbortSignal {
    if (this.#controller) return this.#controller.signal;
    const controller = new AbortController();
    const parent = this.#parent;
    this.#controller = controller;
    this.#unlisten = onAbort(parent, () => controller.abort(parent.reason));
    if (parent.aborted) controller.abort(parent.reason);
    this.#timer = this.#clock.setTimeout(
      () => controller.abort(new DeadlineExceeded(this.ms)),
      Math.max(0, this.at - this.#clock.now()),
    );
    return controller.signal;
  }

  /** Milliseconds left (0 once passed). */
  remaining(): number {
    return Math.max(0, this.at - this.#clock.now());
  }

  dispose(): void {
    if (!this.#controller) return;
    this.#clock.clearTimeout(this.#timer);
    this.#unlisten?.();
  }
}
