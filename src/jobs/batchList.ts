import type { BatchSpec } from './BatchSpec.js';

/** Lists longer than this need `allowLarge`. */
export const LARGE_LIST = 1_000_000;

/**
 * The list a batch splits: the first of the action's list parameters that is a non-empty array
 * (the others must be empty or missing), checked before anything is sent.
 */
export function batchList(
  action: string,
  spec: BatchSpec,
  params: Readonly<Record<string, unknown>>,
  allowLarge: boolean,
): { readonly name: string; readonly items: readonly unknown[] } {
  const filled = spec.list.filter(
    (name) => Array.isArray(params[name]) && (params[name] as unknown[]).length > 0,
  );
  if (filled.length > 1)
    throw new TypeError(`expected only one of ${filled.join(', ')} to be filled for ${action}, got both`);
  const name = filled[0] ?? spec.list[0]!;
  const value = params[name];
  if (value !== undefined && !Array.isArray(value))
    throw new TypeError(`expected params.${name} to be an array, got ${JSON.stringify(value)}`);
  const items = (value ?? []) as readonly unknown[];
  if (items.length > LARGE_LIST && !allowLarge)
    throw new TypeError(
      `expected params.${name} to have at most ${LARGE_LIST} items (or options.allowLarge), got ${items.length}`,
    );
  if (!spec.split && items.length > spec.maxItems)
    throw new TypeError(
      `expected params.${name} to have at most ${spec.maxItems} items: one ${action} call cannot be split, got ${items.length}`,
    );
  return { name, items };
}

/** The key of an item: a string or number item is its own key; an object item's is its `key` field. */
export function itemKey(item: unknown, key: string | undefined): string | undefined {
  if (typeof item === 'string' || typeof item === 'number') return String(item);
  if (key === undefined || typeof item !== 'object' || item === null) return undefined;
  const value = (item as Record<string, unknown>)[key];
  return value === undefined ? undefined : String(value);
}
