import type { Category } from '../codes/Category.js';
import type { RawResponse } from './RawResponse.js';

/** The parsed JSON body of a ZIM answer. */
export interface ZimBody {
  readonly Code: number;
  readonly Message?: string;
  readonly RequestId?: string;
  readonly [field: string]: unknown;
}

/** How one attempt ended, classified. Outcomes are values: only the door turns a final one into a throw. */
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
  /** A delay the server asked for (Retry-After), in milliseconds. */
  readonly retryAfterMs?: number;
}
