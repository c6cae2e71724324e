import type { CallOptions } from '../api/CallOptions.js';
import type { ZimAnswer, ZimParams } from '../api/ZimCall.js';
import type { BATCH_ACTIONS, BatchAction } from '../generated/jobActions.js';

/**
 * An item of the list parameter of `A` (`UserRegister`: one `UserInfo` entry).
 *
 * @public
 */
export type BatchItem<A extends BatchAction> =
  NonNullable<
    ZimParams<A>[(typeof BATCH_ACTIONS)[A]['list'][number] & keyof ZimParams<A>]
  > extends readonly (infer I)[]
    ? I
    : never;

/**
 * How far a batch has got, each time items settle.
 *
 * @public
 */
export interface BatchProgress {
  /** Items settled: succeeded, or failed for good (not to be resent). Reaches `total`. */
  readonly done: number;
  /** Items in the list. */
  readonly total: number;
  /** Items of `done` that failed: in a per-item failure list, or in a chunk that failed as a whole. */
  readonly failed: number;
}

/**
 * An item of a chunk that failed as a whole (after the call's own retries), with that error.
 *
 * @public
 */
export interface BatchFailure<A extends BatchAction> {
  readonly item: BatchItem<A>;
  /** The chunk's error (`ZimApiError`, `ZimTransportError`, ...). */
  readonly error: Error;
  /** True when the chunk may have been committed (written, no answer): the item may have taken effect. */
  readonly mayHaveCommitted: boolean;
}

/**
 * Options of a batch: a call's options (each chunk gets them), plus progress and size checks.
 *
 * @public
 */
export interface BatchOptions extends Omit<CallOptions, 'method'> {
  /** Called as items settle (after each chunk), not only at the end. */
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Accept a list of more than 1,000,000 items. @default false */
  readonly allowLarge?: boolean;
  /**
   * Chunks in flight at once. It bounds the queue, not the rate: the client's throttle keeps the
   * action's limit. @default twice the action's documented calls per second (at least 2)
   */
  readonly concurrency?: number;
}

/**
 * The merged answer, in the action's own shape: every per-item list of every chunk concatenated in
 * input order (an item resent after a retryable `SubCode` appears once, with its last outcome),
 * plus the items of chunks that failed as a whole, and each chunk's `RequestId`.
 *
 * @public
 */
export type BatchResult<A extends BatchAction> = ZimAnswer<A> & {
  readonly failed: readonly BatchFailure<A>[];
  readonly requestIds: readonly string[];
};

/**
 * `zim.batch(action, params, options?)`: the list parameter split at its documented maximum.
 *
 * @public
 */
export type Batch = <A extends BatchAction>(
  action: A,
  params: ZimParams<A>,
  options?: BatchOptions,
) => Promise<BatchResult<A>>;
