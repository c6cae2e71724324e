import type { PagedSpec } from './PagedSpec.js';

/**
 * Whether an answer is the last page of a walk, as the documents say: its end flag is 1
 * (`FetchEnd`), or its cursor is the end value (0 for a number cursor; '' or '0' for a string one).
 * An answer without the cursor field is the last page too: there is nothing to pass back.
 */
export function isLastPage(spec: PagedSpec, answer: Readonly<Record<string, unknown>>): boolean {
  if (spec.endFlag !== undefined && Number(answer[spec.endFlag]) === 1) return true;
  const next = answer[spec.nextCursor];
  if (next === undefined || next === null) return true;
  return spec.cursorType === 'number' ? Number(next) === 0 : next === '' || next === '0';
}
