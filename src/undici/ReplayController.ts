import type { Dispatcher } from 'undici';

/**
 * The controller the user's handler holds for the whole call, across every attempt: its
 * `abort()` aborts the call (queue waits and backoff included). Pause and resume gate the replay
 * of a buffered answer, or reach the attempt itself once a final answer is streamed through.
 */
export class ReplayController implements Dispatcher.DispatchController {
  /** The call's own controller while it runs: the engine uses its signal as the call's, and `close()` aborts it. */
  #call: AbortController | undefined;
  /** An abort after the call ended (its controller is no longer ours). */
  #lateReason: Error | undefined;
  #paused = false;
  #resumed: (() => void) | undefined;
  /** The attempt in flight, told of an abort directly (no listener on the signal). */
  #watcher: ((reason: Error) => void) | undefined;
  /** The attempt whose answer is being streamed to the user's handler, once one is. */
  #streaming: Dispatcher.DispatchController | undefined;

  constructor(call: AbortController) {
    this.#call = call;
  }

  /** The call's controller, while the call runs. */
  get call(): AbortController {
    if (!this.#call) throw new Error('the call has ended');
    return this.#call;
  }
  get signal(): AbortSignal {
    return this.call.signal;
  }
  get aborted(): boolean {
    return this.#call ? this.#call.signal.aborted : this.#lateReason !== undefined;
  }
  get paused(): boolean {
    return this.#paused;
  }
  get reason(): Error | null {
    if (!this.#call) return this.#lateReason ?? null;
    return this.#call.signal.aborted ? (this.#call.signal.reason as Error) : null;
  }
  /**
   * The call has ended: hands back its controller if it was never aborted (so a later call can use
   * it), and keeps any later abort to itself.
   */
  release(): AbortController | undefined {
    const call = this.#call;
    this.#call = undefined;
    if (!call || call.signal.aborted) {
      this.#lateReason ??= call?.signal.reason as Error | undefined;
      return undefined;
    }
    return call;
  }
  /** Whether an answer has been handed to the user's handler as it arrived. */
  get streamed(): boolean {
    return this.#streaming !== undefined;
  }
  /** Aborts the call: by its handler, or by the engine on `close()` (every abort of the call comes through here). */
  abort(reason: Error): void {
    if (this.#call) {
      if (this.#call.signal.aborted) return;
      this.#call.abort(reason);
      this.#watcher?.(reason);
    } else this.#lateReason ??= reason;
    this.resume();
  }
  /** Tells `abort` of the call's abort while an attempt is in flight; returns how to stop. */
  readonly watch = (abort: (reason: Error) => void): (() => void) => {
    this.#watcher = abort;
    return () => {
      if (this.#watcher === abort) this.#watcher = undefined;
    };
  };
  pause(): void {
    this.#paused = true;
    this.#streaming?.pause();
  }
  resume(): void {
    this.#paused = false;
    this.#streaming?.resume();
    this.#resumed?.();
    this.#resumed = undefined;
  }
  /** From now on pause and resume reach `attempt`, whose answer goes to the user's handler as it arrives. */
  streamFrom(attempt: Dispatcher.DispatchController): void {
    this.#streaming = attempt;
    if (this.#paused) attempt.pause();
  }
  /** Resolves once not paused (or aborted). */
  whenFlowing(): Promise<void> {
    if (!this.#paused || this.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.#resumed = resolve;
    });
  }
}
