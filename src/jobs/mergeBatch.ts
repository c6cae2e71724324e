import type { ZimBody } from '../core/Outcome.js';
import type { BatchSpec } from './BatchSpec.js';

/** One entry of a per-item list of some chunk's answer, with the input position of its item. */
export interface PerItemEntry {
  readonly field: string;
  readonly index: number;
  readonly entry: unknown;
}

/** An item of a chunk that failed as a whole, with the input position of its item. */
export interface FailedItem {
  readonly index: number;
  readonly item: unknown;
  readonly error: Error;
  readonly mayHaveCommitted: boolean;
}

/**
 * The merged answer: the first answered chunk's fields, every per-item list concatenated in input
 * order (entries of one item keep their chunk order), the items of chunks that failed as a whole,
 * and every chunk's `RequestId` in input order.
 */
export function mergeBatch(
  spec: BatchSpec,
  answers: readonly { readonly chunk: readonly { readonly index: number }[]; readonly answer: ZimBody }[],
  entries: readonly PerItemEntry[],
  failed: readonly FailedItem[],
): Record<string, unknown> {
  const ordered = [...answers].sort((a, b) => (a.chunk[0]?.index ?? 0) - (b.chunk[0]?.index ?? 0));
  const merged: Record<string, unknown> = { Code: 0, ...ordered[0]?.answer };
  const sorted = entries.map((e, seq) => ({ e, seq })).sort((a, b) => a.e.index - b.e.index || a.seq - b.seq);
  for (const field of [...spec.failures, ...spec.successes]) {
    if (!answers.some(({ answer }) => Array.isArray(answer[field])) && merged[field] === undefined) continue;
    merged[field] = sorted.filter(({ e }) => e.field === field).map(({ e }) => e.entry);
  }
  merged['failed'] = [...failed]
    .sort((a, b) => a.index - b.index)
    .map(({ item, error, mayHaveCommitted }) => ({ item, error, mayHaveCommitted }));
  merged['requestIds'] = ordered.map(({ answer }) => answer.RequestId).filter((id) => id !== undefined);
  return merged;
}
