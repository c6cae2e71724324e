import type { ChunkRecord } from './ChunkRecord.js';

/**
 * What a claim gave: a chunk to run (`interrupted` when its attempt may have gone out in a process
 * that stopped), nothing yet (`wait` ms: every chunk is claimed, some are not settled), or
 * nothing at all (every chunk is settled).
 */
export type Claim =
  | { readonly kind: 'chunk'; readonly index: number; readonly interrupted: boolean }
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'done' };

/** Where a checkpointed batch keeps its chunks: claims, "may have gone out", settled records. */
export interface BatchStore {
  /** Opens (or creates) the job; a different digest under the key is a TypeError. The records settled so far, by chunk. */
  open(digest: string, chunks: number): Promise<readonly (ChunkRecord | undefined)[]>;
  claim(): Promise<Claim>;
  /** Records that chunk `index` may reach the server; false when the chunk is no longer this process's. */
  markSent(index: number): Promise<boolean>;
  settle(index: number, record: ChunkRecord): Promise<void>;
  /** Every chunk's record, in order (all settled). */
  records(): Promise<readonly ChunkRecord[]>;
  /** Stops renewing (a claim still held frees with its lease), releases what it holds. */
  close(): Promise<void>;
}

/** How far a checkpointed walk got: the cursor of the next page to fetch, or done. */
export interface WalkState {
  readonly cursor: string | number;
  readonly pages: number;
  readonly done: boolean;
}

/** Where a checkpointed walk keeps its last consumed cursor. */
export interface WalkStore {
  /** Opens (or creates) the walk; a different digest under the key is a TypeError. */
  open(digest: string): Promise<WalkState | undefined>;
  record(state: WalkState): Promise<void>;
  close(): Promise<void>;
}
