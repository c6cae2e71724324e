import { MOCK_CODES } from '../mockCodes.js';
import type { HandlerResult } from './Handler.js';
import { readCount, readString } from './params.js';
import { refuse } from './results.js';

/**
 * Cursors are opaque, as ZEGO's are: the first page is asked for with 0 (or '' for a string
 * cursor), each answer carries the cursor of the following page (0, or '0' for a string cursor,
 * at the end), and only a cursor this server sent is accepted. A client that computes page
 * numbers or offsets (Next = 1, 2, ...) is refused with 660000002, as it would fail against ZEGO.
 */
const BASE = 100_000;
const STEP = 7;

/** The number cursor of the page that starts at `offset` (never 0: 0 is the first page and the end). */
export function numberCursor(offset: number): number {
  return BASE + offset * STEP + 3;
}

/** The string cursor of the page that starts at `offset`. */
export function stringCursor(offset: number): string {
  return `c${numberCursor(offset).toString(36)}`;
}

/** The offset a cursor stands for, or undefined when this server never sent it. */
export function offsetOf(cursor: unknown): number | undefined {
  if (cursor === undefined || cursor === 0 || cursor === '' || cursor === '0') return 0;
  const text = typeof cursor === 'number' ? String(cursor) : typeof cursor === 'string' ? cursor : '';
  const n = /^\d+$/.test(text)
    ? Number(text)
    : /^c[0-9a-z]+$/.test(text)
      ? Number.parseInt(text.slice(1), 36)
      : Number.NaN;
  const offset = (n - BASE - 3) / STEP;
  return Number.isSafeInteger(offset) && offset >= 0 ? offset : undefined;
}

/** How one paged action reads its page. */
export interface PageRule {
  /** The request field of the cursor. @default 'Next' */
  readonly cursor?: string;
  /** A string cursor ('' first, '0' at the end) rather than a number one. @default false */
  readonly string?: boolean;
  /** The largest `Limit`; a larger one is cut to it. */
  readonly max: number;
  /** The `Limit` of a call that gives none (or 0 or less). @default max */
  readonly fallback?: number;
}

/**
 * One page of `items`: `Limit` of them from the offset the cursor stands for, and the cursor of
 * the following page (0 / '0' when this one is the last); a cursor this server never sent is 660000002.
 */
export function page<T>(
  items: readonly T[],
  params: Readonly<Record<string, unknown>>,
  rule: PageRule,
): { readonly slice: readonly T[]; readonly next: number | string } | HandlerResult {
  const field = rule.cursor ?? 'Next';
  const start = offsetOf(
    params[field] === undefined ? undefined : (readString(params, field) ?? params[field]),
  );
  if (start === undefined)
    return refuse(MOCK_CODES.invalidParameter, `${field} is not a cursor this server sent`);
  const asked = readCount(params, 'Limit') ?? readCount(params, 'Count') ?? 0;
  const limit = asked === 0 ? (rule.fallback ?? rule.max) : Math.min(asked, rule.max);
  const slice = items.slice(start, start + limit);
  const more = start + limit < items.length;
  const next = rule.string
    ? more
      ? stringCursor(start + limit)
      : '0'
    : more
      ? numberCursor(start + limit)
      : 0;
  return { slice, next };
}
