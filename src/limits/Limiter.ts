/** A granted slot. Release it when the attempt's answer (or failure) has arrived. */
export interface Permit {
  release(): void;
}

/** How to wait for a slot. */
export interface AcquireOptions {
  /** Rejects the wait with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Goes ahead of every waiter without priority (a call requeued after a rate-limited answer). */
  readonly priority?: boolean;
}

/**
 * A call waiting for a slot, told exactly once: `granted` or `failed`. The limiter queues this
 * object itself, so a queued call costs the caller's own object and nothing more (no promise).
 */
export interface SlotWaiter {
  readonly weight: number;
  granted(permit: Permit): void;
  failed(reason: unknown): void;
}

/**
 * Our small limiter interface. The engine only ever talks to this, so the backing store
 * (in process: `SlidingWindowLimiter`; shared over Redis: `ClusterLimiter`, src/cluster/) stays
 * replaceable.
 */
export interface Limiter {
  /** A slot now, without waiting or allocating a promise, or undefined when the caller must wait. */
  tryAcquire(weight: number): Permit | undefined;
  /** A slot once one is free, in order (priority waiters first). */
  acquire(weight: number, options?: AcquireOptions): Promise<Permit>;
  /**
   * Like `acquire`, but tells `waiter` instead of returning a promise (it may be told at once).
   * Optional: without it, callers go through `acquire`.
   */
  enqueue?(waiter: SlotWaiter, options?: AcquireOptions): void;
  /** Grants nothing for `ms`: the server said we went too fast. */
  pause(ms: number): void;
  /** Grants fewer per window for a while: the server's limit is lower than ours. */
  slowDown(): void;
  /** Calls waiting for a slot. */
  readonly pending: number;
  /**
   * Rejects every waiter with `reason` and frees every timer. A shared limiter resolves once the
   * slots it holds are given back (at most one window later): giving them back early would let
   * other processes overshoot.
   */
  close(reason: unknown): void | Promise<void>;
}
