import type { Category } from '../codes/Category.js';
import type { GiveUpReason } from '../core/GiveUpReason.js';

// `A` is the type of `action`: through `createZimClient` a documented action or one of `customActions`;
// the fetch and undici doors may see any `Action=` of a request to `baseUrl`.

/**
 * A call was made: it waits for its first slot next (when its action has a limit). Emitted
 * synchronously in the caller's context (telemetry takes the active span as the call's parent here).
 *
 * @public
 */
export interface CallEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** The GroupId or RoomId the limit is counted per, for scoped actions. */
  readonly scopeKey: string | undefined;
  /** The HTTP method, when the door knows it. */
  readonly method: string | undefined;
  /** The URL without the signed parameters (no AppId, nonce, timestamp or Signature), when the door knows it. */
  readonly url: string | undefined;
}

/**
 * A call got its first slot: its first attempt is signed and sent next.
 *
 * @public
 */
export interface StartEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** The GroupId or RoomId the limit is counted per, for scoped actions. */
  readonly scopeKey: string | undefined;
  /** How long it waited for that slot (0 when one was free). */
  readonly queuedMs: number;
}

/**
 * An attempt is about to be sent (signed, past the throttle).
 *
 * @public
 */
export interface AttemptEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** The GroupId or RoomId the limit is counted per, for scoped actions. */
  readonly scopeKey: string | undefined;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

/**
 * An attempt ended: answered (and classified) or failed in transport. Not emitted for an attempt
 * the call's abort or `close()` cut.
 *
 * @public
 */
export interface AttemptEndEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** How the attempt was classified. */
  readonly category: Category;
  /** The HTTP status of the answer (undefined for a transport error). */
  readonly status: number | undefined;
  /** The ZIM `Code` of the answer's body, when it had one. */
  readonly code: number | undefined;
  /** The ZIM code, the HTTP status or the transport error code, when not a success (as in `retry` and `settled`). */
  readonly reason: string | undefined;
}

/**
 * A failed attempt will be retried after `delayMs`.
 *
 * @public
 */
export interface RetryEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** The attempt that failed. */
  readonly attempt: number;
  /** The wait before the next attempt: the backoff, or the server's Retry-After (capped). */
  readonly delayMs: number;
  /** Why: the category of the failed attempt. */
  readonly category: Category;
  /** The ZIM code, the HTTP status or the transport error code of the failure. */
  readonly reason: string;
}

/**
 * A call waited for a slot of its action's limiter: the window was full (or paused, or calls were
 * ahead of it) when it asked. Not emitted for a slot that was free, with or without `redis` (a
 * round trip to Redis that grants at once is no wait).
 *
 * @public
 */
export interface ThrottleEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** The GroupId or RoomId the limit is counted per, for scoped actions. */
  readonly scopeKey: string | undefined;
  readonly waitedMs: number;
}

/**
 * A call was refused before it was sent: its first slot could not come within `maxQueueWaitMs`
 * (the caller gets `ZimOverloadError`).
 *
 * @public
 */
export interface OverloadEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** The GroupId or RoomId the limit is counted per, for scoped actions. */
  readonly scopeKey: string | undefined;
  /** Calls waiting ahead of it. */
  readonly queued: number;
  /** When its slot could come, from now (an estimate). */
  readonly retryAfterMs: number;
  /** The bound it was refused for. */
  readonly maxQueueWaitMs: number;
}

/**
 * The rate a limiter grants, as learned from the server, changed: `refused` (a rate-limited
 * answer lowered it to what the server took), `probe` (no refusal for a while: one step up) or
 * `recovered` (back at the configured limit). Through Redis the fleet shares it.
 *
 * @public
 */
export interface LimitAdaptedEvent<A extends string = string> {
  /** The action of the limit. */
  readonly action: A;
  /** The GroupId or RoomId the limit is counted per, for scoped actions. */
  readonly scopeKey: string | undefined;
  /** Calls per second the limiter grants now. */
  readonly perSecond: number;
  readonly why: 'refused' | 'probe' | 'recovered';
}

/**
 * The server said "too fast": the limiter lowers its rate (and pauses, unless that rate holds calls back), and the call is requeued ahead of new ones.
 *
 * @public
 */
export interface RateLimitedEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** The GroupId or RoomId the limit is counted per, for scoped actions. */
  readonly scopeKey: string | undefined;
  /** The ZIM code of the answer (undefined for HTTP 429). */
  readonly code: number | undefined;
  /**
   * How long the limiter (every limiter, for the app-wide code 7) pauses: 0 when the rate it
   * learned from the refusal already holds the next grant back (docs/overload.md).
   */
  readonly pauseMs: number;
  /** Requeues of this call so far. */
  readonly requeues: number;
}

/**
 * An attempt was refused for its signature; the next is signed anew.
 *
 * @public
 */
export interface ResignEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** The ZIM code of the refusal (undefined for HTTP 401 and 403). */
  readonly code: number | undefined;
  /** The clock offset now used for signing, learned from the server's Date header. */
  readonly clockOffsetMs: number;
}

/**
 * A call ran to its final outcome: success, or given up. Calls rejected before any answer
 * (aborted, closed, quota spent) do not emit it: their promise says so.
 *
 * @public
 */
export interface SettledEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** Attempts sent, retries, re-signs and requeues included. */
  readonly attempts: number;
  readonly category: Category;
  /** The ZIM code, the HTTP status or the transport error code, when not a success. */
  readonly reason: string | undefined;
  /** From the call to its outcome, the wait for its first slot included. */
  readonly durationMs: number;
}

/**
 * A call was rejected before it had a final outcome (no `settled`): aborted, closed, a spent
 * quota, a weight that can never fit, a `serverSecret()` that failed.
 *
 * @public
 */
export interface RejectedEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** Attempts sent before it was rejected (0 when it never left the queue). */
  readonly attempts: number;
  /**
   * The name of the error the caller gets (`ZimClosedError`, `ZimAbortedError`, `ZimOverloadError`,
   * `ZimQuotaError`...; through `resilientFetch` and `zimInterceptor` an abort is the signal's
   * reason: `AbortError`, `TimeoutError`).
   */
  readonly error: string;
}

/**
 * A call was given up after an answer or a transport error: the caller gets an error (through fetch and undici, the last answer).
 *
 * @public
 */
export interface GiveUpEvent<A extends string = string> {
  /** The action of the call. */
  readonly action: A;
  /** Attempts sent, retries, re-signs and requeues included. */
  readonly attempts: number;
  /** The category of the last attempt: why it was not retried further. */
  readonly category: Category;
  /** The ZIM code, the HTTP status or the transport error code of the last attempt. */
  readonly reason: string;
  /**
   * Why no further attempt was made: `max-attempts`, `deadline`, `budget`, `max-requeues` or
   * `re-signed`; undefined when the last attempt settled it (a fatal answer, or a write that may
   * have committed an action that is not idempotent).
   */
  readonly giveUp: GiveUpReason | undefined;
}

/**
 * Where the limits are kept changed: shared through Redis, or a local share while Redis cannot be reached.
 *
 * @public
 */
export interface ClusterEvent {
  /** `shared`: every process counts against one budget in Redis; `local`: this process keeps to `share` of each limit by itself. */
  readonly state: 'shared' | 'local';
  /**
   * Why: `connected`, `rejoined`, `unreachable`, `lost`, `slow` (a command timed out), `error`
   * (Redis answered with an error: out of memory, a read-only replica...).
   */
  readonly reason: string;
  /** The Redis error's message, when an error made it go local (e.g. `OOM command not allowed when used memory > 'maxmemory'.`). */
  readonly message?: string;
  /** Processes seen sharing the AppId (undefined until Redis answered once). */
  readonly processes: number | undefined;
  /** The share of each limit this process uses while `local`. */
  readonly share: number;
}

/**
 * `resilientFetch` or `zimInterceptor` let a request through untouched although its query carries
 * `Action=`: its origin is not `baseUrl`'s (often a `baseUrl` left at its default).
 *
 * @public
 */
export interface PassthroughEvent {
  readonly action: string;
  /** The origin the request went to. */
  readonly origin: string;
  /** The origin of `baseUrl`, the only one the remedies apply to. */
  readonly baseUrl: string;
}

/**
 * Every event, by name. The same names are `node:diagnostics_channel` channels prefixed with `zim-resilience:`.
 *
 * @public
 */
export interface ZimEvents<A extends string = string> {
  call: CallEvent<A>;
  start: StartEvent<A>;
  attempt: AttemptEvent<A>;
  attemptEnd: AttemptEndEvent<A>;
  retry: RetryEvent<A>;
  throttle: ThrottleEvent<A>;
  rateLimited: RateLimitedEvent<A>;
  overload: OverloadEvent<A>;
  limitAdapted: LimitAdaptedEvent<A>;
  resign: ResignEvent<A>;
  settled: SettledEvent<A>;
  giveUp: GiveUpEvent<A>;
  rejected: RejectedEvent<A>;
  cluster: ClusterEvent;
  passthrough: PassthroughEvent;
}

/**
 * The `hooks` option: a function per event, called synchronously with one frozen object.
 *
 * @public
 */
export type ZimHooks<A extends string = string> = {
  readonly [K in keyof ZimEvents]?: (event: ZimEvents<A>[K]) => void;
};
