import type { SignedParams } from '../sign/signRequest.js';
import type { Deadline } from './Deadline.js';
import type { RawResponse } from './RawResponse.js';

/**
 * The engine's record of one call, read-only to every remedy: only the engine's send step writes
 * it (each attempt it sends). Remedies keep their own state; this says what was sent.
 * @public
 */
export interface CallState {
  /** Attempts sent so far, every one counted (retries, re-signs and requeues too). */
  readonly attempts: number;
  /** When the call entered the engine (clock milliseconds; the wait for its first slot counts). */
  readonly startedAt: number;
  /** When its first attempt was sent: `retry.deadlineMs` counts from here. */
  readonly firstSentAt: number | undefined;
  /** True while an attempt is in flight (the server may be acting on it); stays true when the call is aborted or closed during one. */
  readonly inFlight: boolean;
}

/**
 * Sends one attempt. Given the signed public parameters (or none, for a door that signs nothing),
 * the attempt's signal, the attempt timeout, which bounds the whole attempt (headers and body
 * together), and the headers telemetry adds (trace context). The engine aborts the signal when it passes, unless the door says `appliesTimeout`
 * (it then bounds the whole attempt itself).
 * @internal
 */
export type SendAttempt = (
  signed: SignedParams | undefined,
  signal: AbortSignal,
  timeoutMs: number,
  /** Headers to add to this attempt: its trace context (`traceparent`, `tracestate`), when traced. */
  headers?: Readonly<Record<string, string>>,
) => Promise<RawResponse>;

/**
 * The first limiter slot of a call, taken by the engine before the call entered the chain; the
 * throttle takes it (once) for the call's first attempt.
 * @internal
 */
export interface FirstSlot {
  /** The permit, the first time; undefined after. */
  take(): { release(): void } | undefined;
}

/**
 * One call to the server API as it flows through the chain (retry -> throttle -> sign ->
 * classify -> send). A step that tells the steps inside it something makes a new call object
 * (`{ ...call, signed }`): the call itself is never changed by a remedy.
 * @public
 */
export interface ZimCall {
  /** The ZIM action, e.g. `SendPeerMessage`. */
  readonly action: string;
  /** The GroupId or RoomId of a group- or room-scoped action, else undefined. */
  readonly scopeKey: string | undefined;
  /** Limit units this call costs (messages asked for, for QueryMessagesByMsgSeq; else 1). */
  readonly weight: number;
  /** Among the waiters of one limit, a higher priority is served first (its retries and requeues too). @default 0 */
  readonly priority?: number | undefined;
  /** Whether sending it twice is harmless, so that a transport error after writing may be retried. */
  readonly idempotent: boolean;
  /** Aborts every wait and the attempt in flight. */
  readonly signal: AbortSignal;
  /** The engine's record of what was sent (read-only here). */
  readonly state: CallState;
  /** The call's deadline, set by retry (it owns `retry.deadlineMs`) for the steps inside it. */
  readonly deadline?: Deadline | undefined;
  /** The first slot, prepaid by the engine's fast path, for the throttle. */
  readonly firstSlot?: FirstSlot | undefined;
  /** The signed public parameters of this attempt, set by the sign step. */
  readonly signed?: SignedParams;
  /** The door's way of sending one attempt. */
  readonly send: SendAttempt;
  /** Whether `send` bounds the whole attempt (headers and body) by the attempt timeout itself. */
  readonly appliesTimeout: boolean;
}
