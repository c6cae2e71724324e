import type { Permit, SlotWaiter } from '../limits/Limiter.js';
import type { CallInit, RunResult } from './Engine.js';

/**
 * How an engine lets a queued call in: one object per engine, shared by its queued calls.
 * @internal
 */
export interface Entrance {
  /** Runs the call, its first slot granted. */
  enter<T>(queued: QueuedCall<T>, permit: Permit): Promise<T | RunResult>;
  /** The error the caller sees for a failed wait. */
  surfaced<T>(reason: unknown, queued: QueuedCall<T>): unknown;
}

/**
 * A call waiting for its first slot: the limiter's waiter and the caller's promise, one object
 * (no chain, no closure, no promise of ours until the slot is granted).
 * @internal
 */
export class QueuedCall<T> implements SlotWaiter {
  /** Settles the caller's promise (a failure is resolved as a rejected promise: one function kept, not two). */
  resolve: ((value: T | RunResult | Promise<T | RunResult>) => void) | undefined;
  /** What it was told before the caller's promise existed (a grant or failure during `admit`). */
  early: Promise<T | RunResult> | undefined;
  constructor(
    readonly entrance: Entrance,
    readonly init: CallInit,
    readonly startedAt: number,
    readonly scopeKey: string | undefined,
    readonly weight: number,
    readonly settle: ((result: RunResult) => T) | undefined,
  ) {}
  granted(permit: Permit): void {
    this.#tell(this.entrance.enter(this, permit));
  }
  failed(reason: unknown): void {
    this.#tell(Promise.reject(this.entrance.surfaced(reason, this)));
  }
  #tell(settled: Promise<T | RunResult>): void {
    if (this.resolve) this.resolve(settled);
    else this.early = settled;
  }
  /** The caller's promise. */
  promise(): Promise<T | RunResult> {
    return (
      this.early ??
      new Promise((resolve) => {
        this.resolve = resolve;
      })
    );
  }
}
