import { readCount } from './params.js';

/**
 * ZIM's paging: `Limit` items per page (`Count` is accepted too; 0, missing or over `max`
 * means `max`), `Next` the page number (0 first). The answer's `Next` is the following page,
 * or 0 when this one was the last.
 */
export function page<T>(
  items: readonly T[],
  params: Readonly<Record<string, unknown>>,
  max: number,
): { readonly slice: readonly T[]; readonly next: number } {
  const asked = readCount(params, 'Limit') ?? readCount(params, 'Count') ?? 0;
  const limit = asked === 0 || asked > max ? max : asked;
  const pageIndex = readCount(params, 'Next') ?? 0;
  const start = pageIndex * limit;
  const slice = items.slice(start, start + limit);
  return { slice, next: start + limit < items.length ? pageIndex + 1 : 0 };
}
