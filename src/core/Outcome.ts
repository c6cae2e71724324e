import type { Category } from '../codes/Category.js';
import type { GiveUpReason } from './GiveUpReason.js';
import type { RawResponse } from './RawResponse.js';

/**
 * The parsed JSON body of a ZIM answer.
 * @public
 */
export interface ZimBody {
  readonly Code: number;
  readonly Message?: string;
  readonly RequestId?: string;
  readonly [field: string]: unknown;
}

/**
 * How one attempt ended, classified. Outcomes are values: only the door turns a final one into a
 * throw. What one remedy learns that another needs travels here, as a fact, never in shared state:
 * `mayHaveCommitted` (classify), `clockOffsetMs` (sign), `giveUp` and `requeues` (the remedy that
 * gave up).
 * @public
 */
export interface Outcome {
  /** Which remedy applies. */
  readonly category: Category;
  /** The answer, when there was one. */
  readonly response?: RawResponse;
  /** The parsed body, when it was the expected JSON. */
  readonly body?: ZimBody;
  /** The ZIM `Code` of the body. */
  readonly code?: number;
  /** The transport error, when there was no answer. */
  readonly error?: unknown;
  /** For a transport error: true when the request had been written, so the server may have acted on it. */
  readonly mayHaveCommitted?: boolean;
  /**
   * For a transport error: true when it was this process's own lack of a resource (no file
   * descriptor left, EMFILE/ENFILE), so nothing left it. Retried without spending the retry budget,
   * which guards the server.
   */
  readonly local?: boolean;
  /** A delay the server asked for (Retry-After), in milliseconds. */
  readonly retryAfterMs?: number;
  /** On an `auth` outcome, set by sign: server clock minus ours, as sign now knows it (learned from the answer's `Date`). */
  readonly clockOffsetMs?: number;
  /** Set by the remedy that gave the call up: why. A remedy outside it keeps such an outcome final. */
  readonly giveUp?: GiveUpReason;
  /** With `giveUp: 'max-requeues'` (or any give-up of the throttle's): the requeues made. */
  readonly requeues?: number;
}
