import type { CallOptions } from '../api/CallOptions.js';
import type { ZimAnswer, ZimParams } from '../api/ZimCall.js';
import type { BATCH_ACTIONS, BatchAction } from '../generated/jobActions.js';
import type { CheckpointOptions } from './checkpoint/CheckpointOptions.js';

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
  /** Items settled: answered (either way) or failed as a whole, not to be sent again. Reaches `total`. */
  readonly done: number;
  /** Items in the list. */
  readonly total: number;
  /** Items of `done` in the result's `failed`: their chunk failed as a whole (no answer for them). Ends at `result.failed.length`. */
  readonly failed: number;
  /**
   * Items of `done` the server answered with a per-item failure for good (in the answer's
   * `ErrorList`, `ErrList`, ...: 660700002 "user already exists" is one). Not in `failed`.
   */
  readonly itemErrors: number;
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
  /**
   * Keeps the batch's progress in the client's `redis` (or in files: `{ key, dir }`): a run with
   * the key of an unfinished job sends only what was not settled, and processes on one key
   * share it (docs/jobs.md). @default none: the batch lives in memory only
   */
  readonly checkpoint?: CheckpointOptions;
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
 * `zim.batch.forget(key)`: drops a checkpoint.
 *
 * @public
 */
export interface Batch {
  <A extends BatchAction>(action: A, params: ZimParams<A>, options?: BatchOptions): Promise<BatchResult<A>>;
  /**
   * Drops the checkpoint of `key` (a batch's or a walk's) from the client's `redis`, or from
   * `dir` with `{ key, dir }`: a run with the key starts over.
   */
  forget(checkpoint: string | Pick<CheckpointOptions, 'key' | 'dir'>): Promise<void>;
}
