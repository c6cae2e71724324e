/** A granted slot. Release it when the attempt's answer (or failure) has arrived. */
export interface Permit {
  release(): void;
  /**
   * False when the slot was free when asked for (a shared limiter's round trip to Redis is no
   * wait): the `throttle` event is not emitted for it. Undefined: the limiter does not say.
   */
  readonly waited?: boolean;
}

/** How to wait for a slot. */
export interface AcquireOptions {
  /** Rejects the wait with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Goes ahead of the new calls of its priority (a retry, or a call requeued after a rate-limited answer). */
  readonly requeued?: boolean;
  /** Higher is served first (an integer); see `LOW_PRIORITY_SHARE` for the share of lower ones. @default 0 */
  readonly priority?: number | undefined;
  /**
   * A wait that cannot end within this is refused at once with `QueueBoundExceeded` (nothing
   * taken), and one still waiting when it passes is refused then. @default no bound
   */
  readonly maxWaitMs?: number | undefined;
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

/** Why a limiter's learned rate changed: a refusal lowered it, a probe raised it, or it is back at the limit. */
export type AdaptReason = 'refused' | 'probe' | 'recovered';

/** Told when a limiter's learned rate changes: units per main window now. */
export type OnAdapt = (perWindow: number, why: AdaptReason) => void;

/**
 * Our small limiter interface. The engine only ever talks to this, so the backing store
 * (in process: `SlidingWindowLimiter`; shared over Redis: `ClusterLimiter`, src/cluster/) stays
 * replaceable.
 */
export interface Limiter {
  /** A slot now, without waiting or allocating a promise, or undefined when the caller must wait. */
  tryAcquire(weight: number): Permit | undefined;
  /** A slot once one is free, in order (higher priority first; requeued waiters first within one). */
  acquire(weight: number, options?: AcquireOptions): Promise<Permit>;
  /**
   * Like `acquire`, but tells `waiter` instead of returning a promise (it may be told at once).
   * Optional: without it, callers go through `acquire`.
   */
  enqueue?(waiter: SlotWaiter, options?: AcquireOptions): void;
  /** Grants nothing for `ms`: the server said we went too fast. */
  pause(ms: number): void;
  /**
   * Grants fewer per window for a while: the server's limit is lower than ours, or someone else
   * spends it (see docs/overload.md). True when the rate it learned already holds the next grant
   * back (the window holds as many as the server took): no pause is needed on top.
   */
  slowDown(): boolean;
  /** Calls waiting for a slot. */
  readonly pending: number;
  /**
   * Rejects every waiter with `reason` and frees every timer. A shared limiter resolves once the
   * slots it holds are given back (at most one window later): giving them back early would let
   * other processes overshoot.
   */
  close(reason: unknown): void | Promise<void>;
}
