import type { ZimBody } from '../../core/Outcome.js';
import type { FailedItem, PerItemEntry } from '../mergeBatch.js';

/** A failed item as a checkpoint keeps it: the error's name, message and code, not the object. */
export interface StoredFailure {
  readonly index: number;
  readonly name: string;
  readonly message: string;
  readonly code?: number | undefined;
  readonly mayHaveCommitted: boolean;
  /** The chunk was in flight in a process that stopped (not resent: a non-idempotent action). */
  readonly interrupted?: true;
}

/**
 * What a settled chunk left: every answer of its calls (the per-item lists emptied: their entries
 * are in `entries`), its per-item entries, its failed items, and how many items the server
 * refused one by one.
 */
export interface ChunkRecord {
  readonly calls: readonly ZimBody[];
  readonly entries: readonly PerItemEntry[];
  readonly failed: readonly StoredFailure[];
  readonly itemErrors: number;
}

/** A chunk's record as its own process has it: with the failed items' live errors. */
export interface LiveRecord extends Omit<ChunkRecord, 'failed'> {
  readonly failed: readonly FailedItem[];
}
