import type { Dispatcher } from 'undici';

/**
 * The controller the user's handler holds for the whole call, across every attempt: its
 * `abort()` aborts the call (queue waits and backoff included), and pause/resume gate the
 * replay of the final answer.
 */
export class ReplayController implements Dispatcher.DispatchController {
  readonly #abort = new AbortController();
  #paused = false;
  #resumed: (() => void) | undefined;

  get signal(): AbortSignal {
    return this.#abort.signal;
  }
  get aborted(): boolean {
    return this.#abort.signal.aborted;
  }
  get paused(): boolean {
    return this.#paused;
  }
  get reason(): Error | null {
    return this.aborted ? (this.#abort.signal.reason as Error) : null;
  }
  abort(reason: Error): void {
    this.#abort.abort(reason);
    this.resume();
  }
  pause(): void {
    this.#paused = true;
  }
  resume(): void {
    this.#paused = false;
    this.#resumed?.();
    this.#resumed = undefined;
  }
  /** Resolves once not paused (or aborted). */
  whenFlowing(): Promise<void> {
    if (!this.#paused || this.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.#resumed = resolve;
    });
  }
}
