import type { ZimBody } from '../core/Outcome.js';
import type { BatchSpec } from './BatchSpec.js';
import { itemKey } from './batchList.js';
import type { PerItemEntry } from './mergeBatch.js';

/** One item of the list on its way. */
export interface Pending {
  readonly item: unknown;
  readonly index: number;
  attempts: number;
}

/** What one answer said of its items: their entries, the items to send again, and how many the server refused for good. */
export interface AnswerReading {
  readonly entries: PerItemEntry[];
  readonly resend: Pending[];
  readonly itemErrors: number;
}

/**
 * Reads the per-item lists of a chunk's answer: a failure that `resend` accepts (a retryable
 * `SubCode`, attempts left) is sent again; the others, and every success, are entries of the
 * merged answer at their item's input position.
 */
export function readChunkAnswer(
  spec: BatchSpec,
  chunk: readonly Pending[],
  answer: ZimBody,
  resend: (pending: Pending, subCode: unknown) => boolean,
): AnswerReading {
  const byKey = new Map<string, Pending[]>();
  for (const p of chunk) {
    const key = itemKey(p.item, spec.key);
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  const first = chunk[0]?.index ?? 0;
  const entries: PerItemEntry[] = [];
  const again: Pending[] = [];
  let finalFailures = 0;
  for (const field of spec.failures) {
    const items = answer[field];
    if (!Array.isArray(items)) continue;
    for (const entry of items as Readonly<Record<string, unknown>>[]) {
      const key = spec.key === undefined ? undefined : entry[spec.key];
      const pending = key === undefined ? undefined : byKey.get(String(key))?.shift();
      if (pending !== undefined && resend(pending, entry['SubCode'])) {
        again.push(pending);
        continue;
      }
      finalFailures++;
      entries.push({ field, index: pending?.index ?? first, entry });
    }
  }
  for (const field of spec.successes) {
    const items = answer[field];
    if (!Array.isArray(items)) continue;
    const indexOf = new Map(chunk.map((p) => [itemKey(p.item, spec.key), p.index]));
    for (const entry of items as Readonly<Record<string, unknown>>[]) {
      const key = spec.key === undefined ? undefined : entry[spec.key];
      entries.push({
        field,
        index: indexOf.get(key === undefined ? undefined : String(key)) ?? first,
        entry,
      });
    }
  }
  return { entries, resend: again, itemErrors: Math.min(finalFailures, chunk.length - again.length) };
}
