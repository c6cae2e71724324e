import { BATCH_ACTIONS } from '../generated/jobActions.js';
import type { BatchSpec } from '../jobs/BatchSpec.js';
import type { HandlerResult } from './handlers/Handler.js';
import { messageFor } from './mockCodes.js';

/** The batch descriptor of `action`, or undefined when it has no per-item answer. */
export function batchSpecOf(action: string): BatchSpec | undefined {
  return Object.hasOwn(BATCH_ACTIONS, action)
    ? (BATCH_ACTIONS as Record<string, BatchSpec>)[action]
    : undefined;
}

/** The key an item goes by: an object item's key field, a string or number item itself. */
function keyOf(item: unknown, spec: BatchSpec): string {
  if (typeof item === 'object' && item !== null)
    return String((item as Record<string, unknown>)[spec.key ?? 'UserId']);
  return String(item);
}

/**
 * A scripted `itemFailures` answer, in two halves. `withoutFailed` takes the failing items out of
 * the list parameters before the handler runs (nothing is committed for them); `addFailures`
 * lists them in the answer's first per-item failure list, with their SubCode, in input order.
 */
export function withoutFailed(
  params: Readonly<Record<string, unknown>>,
  spec: BatchSpec,
  failures: Readonly<Record<string, number>>,
): { readonly params: Readonly<Record<string, unknown>>; readonly failed: readonly string[] } {
  const out: Record<string, unknown> = { ...params };
  const failed: string[] = [];
  for (const name of spec.list) {
    const list = params[name];
    if (!Array.isArray(list)) continue;
    out[name] = list.filter((item) => {
      const key = keyOf(item, spec);
      if (!Object.hasOwn(failures, key)) return true;
      if (!failed.includes(key)) failed.push(key);
      return false;
    });
  }
  return { params: out, failed };
}

/** The handler's answer with the scripted per-item failures added (a failed call is left as it is). */
export function addFailures(
  result: HandlerResult,
  spec: BatchSpec,
  failed: readonly string[],
  failures: Readonly<Record<string, number>>,
): HandlerResult {
  if (result.code !== 0 || failed.length === 0) return result;
  const listName = spec.failures[0] ?? 'ErrorList';
  const existing = result.fields?.[listName];
  const keyField = spec.key ?? 'UserId';
  const added = failed.map((key) => {
    const SubCode = failures[key] as number;
    return { [keyField]: key, SubCode, SubMessage: messageFor(SubCode) };
  });
  return {
    ...result,
    fields: { ...result.fields, [listName]: [...(Array.isArray(existing) ? existing : []), ...added] },
  };
}
