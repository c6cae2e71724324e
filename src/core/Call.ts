import type { Permit } from '../limits/Limiter.js';
import type { SignedParams } from '../sign/signRequest.js';
import type { RawResponse } from './RawResponse.js';

/** What is shared by every attempt of one call; the interceptors update it. */
export interface CallState {
  /** Attempts sent so far (each one signed anew and passed through the throttle again). */
  attempts: number;
  /** Re-signs done after an auth refusal. */
  resigns: number;
  /** Times the call was requeued after a rate-limited answer. */
  requeues: number;
  /** A limiter slot taken before the call entered the chain, for the throttle's first attempt. */
  prepaid: Permit | undefined;
  /** When the call entered the chain (clock milliseconds). */
  readonly startedAt: number;
}

/**
 * Sends one attempt. Given the signed public parameters (or none, for a door that signs nothing),
 * the attempt's signal, and the attempt timeout, which a door that says `appliesTimeout` enforces
 * itself (undici's headers and body timeouts); for other doors the engine aborts the signal.
 */
export type SendAttempt = (
  signed: SignedParams | undefined,
  signal: AbortSignal,
  timeoutMs: number,
) => Promise<RawResponse>;

/**
 * One call to the server API as it flows through the chain
 * (throttle -> sign -> send -> classify -> remedy).
 */
export interface ZimCall {
  /** The ZIM action, e.g. `SendPeerMessage`. */
  readonly action: string;
  /** The GroupId or RoomId of a group- or room-scoped action, else undefined. */
  readonly scopeKey: string | undefined;
  /** Limit units this call costs (messages asked for, for QueryMessagesByMsgSeq; else 1). */
  readonly weight: number;
  /** Whether sending it twice is harmless, so that a transport error after writing may be retried. */
  readonly idempotent: boolean;
  /** Aborts every wait and the attempt in flight. */
  readonly signal: AbortSignal;
  /** Per-call state shared by all its attempts. */
  readonly state: CallState;
  /** The signed public parameters of this attempt, set by the sign interceptor. */
  readonly signed?: SignedParams;
  /** The door's way of sending one attempt. */
  readonly send: SendAttempt;
  /** Whether `send` enforces the attempt timeout itself. */
  readonly appliesTimeout: boolean;
}
