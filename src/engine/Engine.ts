import type { SendAttempt, ZimCall } from '../core/Call.js';
import type { Outcome } from '../core/Outcome.js';
import type { LimiterRegistry } from '../limits/LimiterRegistry.js';

/**
 * What a door knows about one call before it enters the chain.
 * @internal
 */
export interface CallInit {
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>> | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly idempotent?: boolean | undefined;
  /** Higher is served first among the waiters of one limit. @default 0 */
  readonly priority?: number | undefined;
  /** A bound on the wait for the first slot (`ZimOverloadError` past it). @default the client's `maxQueueWaitMs` */
  readonly maxQueueWaitMs?: number | undefined;
  /** An abort of `signal` rejects with `ZimAbortedError` (the client's door), not the signal's reason itself (fetch's contract). */
  readonly typedAbort?: boolean;
  readonly send: SendAttempt;
  /** The door bounds the whole attempt (headers and body) by the attempt timeout itself, so the engine sets no timer. */
  readonly appliesTimeout?: boolean;
  /**
   * The door's own controller of this call (instead of `signal`): its signal is the call's, and
   * `close()` aborts it (through its `abort`), so the engine links no signal of its own.
   */
  readonly controller?: { readonly signal: AbortSignal; abort(reason?: unknown): void };
  /** Awaited once, after the first slot and before the first attempt; when it throws, nothing is sent (a checkpointed batch's record). */
  readonly beforeFirstSend?: (() => Promise<void>) | undefined;
  /** For events and telemetry: the HTTP method of every attempt. */
  readonly method?: string | undefined;
  /** For events and telemetry: the URL of every attempt without its signed parameters (read only when an event needs it). */
  readonly url?: string | undefined;
}

/**
 * A call's final outcome, and the call as the chain left it.
 * @internal
 */
export interface RunResult {
  readonly outcome: Outcome;
  readonly call: ZimCall;
}

/**
 * The chain and the state behind every door: one implementation of every remedy.
 * @internal
 */
export interface Engine {
  /** The client's limiters (owned by its throttle), for the bench's count of live ones. */
  readonly limiters: LimiterRegistry;
  /**
   * Runs a call through the chain to its final outcome. Rejects only for aborts, close, quota and
   * bad input. With `settle`, resolves with what it returns (or rejects with what it throws): a
   * door's own last step, without a promise more per call.
   */
  run(init: CallInit): Promise<RunResult>;
  run<T>(init: CallInit, settle: (result: RunResult) => T): Promise<T>;
  /** Rejects every queued or waiting call with `ZimClosedError`, aborts attempts in flight, frees every timer. */
  close(): Promise<void>;
  /**
   * Whether a call of `action` needs its parameters (`params`) at all: for a group- or room-scoped
   * limit, a per-message limit, or events that name the scope. A door that must parse them can skip it otherwise.
   */
  needsParams(action: string): boolean;
}
