import type { Permit } from '../limits/Limiter.js';
import type { SignedParams } from '../sign/signRequest.js';
import type { Deadline } from './Deadline.js';
import type { GiveUpReason } from './GiveUpReason.js';
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
  /** When its first attempt was sent: `retry.deadlineMs` counts from here. */
  firstSentAt: number | undefined;
  /** True while an attempt is in flight (the server may be acting on it); stays true when the call is aborted or closed during one. */
  inFlight: boolean;
  /** Why the call was given up, set by the interceptor that gave up on it. */
  giveUp: GiveUpReason | undefined;
  /** The call's deadline, made once a retry or requeue needs it; freed when the call ends. */
  deadline: Deadline | undefined;
}

/**
 * Sends one attempt. Given the signed public parameters (or none, for a door that signs nothing),
 * the attempt's signal, and the attempt timeout, which bounds the whole attempt (headers and body
 * together). The engine aborts the signal when it passes, unless the door says `appliesTimeout`
 * (it then bounds the whole attempt itself).
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
  /** Whether `send` bounds the whole attempt (headers and body) by the attempt timeout itself. */
  readonly appliesTimeout: boolean;
}
