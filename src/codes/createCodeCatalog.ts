import { ZIM_CODES } from '../generated/zimCodes.js';
import { CATEGORIES, type Category } from './Category.js';
import type { CodeCatalog } from './CodeCatalog.js';
import type { ZimCodeInfo } from './ZimCodeInfo.js';

/**
 * A per-code change to the catalog: a bare category, or an entry whose `category` is required and
 * whose other fields replace the default entry's (or describe a code the defaults lack).
 *
 * @public
 */
export type CodeOverride = Category | (Partial<ZimCodeInfo> & { category: Category });

/** The meaning given to a code that only the overrides know and that they do not describe. */
const UNDOCUMENTED = 'Not documented; classified by a catalog override.';

/**
 * Builds a frozen {@link CodeCatalog}: the ZIM defaults (`ZIM_CODES`), extended or overridden per code.
 * Code 0 must stay `success`; any other code may take any category (e.g. `660800027`, "already a
 * friend", as `success` for callers that treat it as done).
 *
 * @param overrides per code, a category or an entry; validated up front.
 * @throws TypeError naming the code and echoing the value, for overrides that are not an object, a
 *   key that is not an integer code, a value that is neither a category nor an entry, an unknown
 *   category or field, a non-string text field, a `code` field that differs from its key, or code 0
 *   not `success`.
 * @example
 * const catalog = createCodeCatalog({ 660800027: 'success', 900001: { category: 'retryable', meaning: 'Busy.' } });
 *
 * @public
 */
export function createCodeCatalog(overrides: Readonly<Record<number, CodeOverride>> = {}): CodeCatalog {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new TypeError(`expected codes to be an object keyed by code, got ${describe(overrides)}`);
  }
  const entries = new Map<number, ZimCodeInfo>();
  for (const info of ZIM_CODES) entries.set(info.code, Object.freeze({ ...info }));
  for (const [key, value] of Object.entries(overrides) as [string, unknown][]) {
    const code = Number(key);
    if (!Number.isSafeInteger(code) || String(code) !== key) {
      throw new TypeError(`expected every key of codes to be an integer code, got ${describe(key)}`);
    }
    entries.set(code, Object.freeze(mergeOverride(code, value, entries.get(code))));
  }
  return Object.freeze({
    get: (code: number) => entries.get(code),
    category: (code: number) => entries.get(code)?.category ?? (code === 0 ? 'success' : 'fatal'),
  });
}

/**
 * The default catalog: every documented ZIM code (`ZIM_CODES`, from spec/return-codes.tsv) and its category.
 *
 * @public
 */
export const ZIM_CODE_CATALOG: CodeCatalog = createCodeCatalog();

/** The fields an entry override may have. */
const FIELDS = ['code', 'category', 'meaning', 'cause', 'advice'];

/** Validates one override and merges it over the default entry, if any. */
function mergeOverride(code: number, value: unknown, base: ZimCodeInfo | undefined): ZimCodeInfo {
  const name = `codes[${code}]`;
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new TypeError(
      `expected ${name} to be a category or an entry with a category, got ${describe(value)}`,
    );
  }
  const fields: Record<string, unknown> = typeof value === 'string' ? { category: value } : { ...value };
  const where = typeof value === 'string' ? name : `${name}.category`;
  if (!CATEGORIES.includes(fields['category'] as Category)) {
    throw new TypeError(
      `expected ${where} to be one of ${CATEGORIES.join(', ')}, got ${describe(fields['category'])}`,
    );
  }
  if (code === 0 && fields['category'] !== 'success') {
    throw new TypeError(
      `expected ${where} to be success (code 0 always is), got ${describe(fields['category'])}`,
    );
  }
  for (const [field, v] of Object.entries(fields)) {
    if (!FIELDS.includes(field)) {
      throw new TypeError(
        `expected ${name} to have only the fields ${FIELDS.join(', ')}, got ${describe(field)}`,
      );
    }
    if (field === 'code' && v !== code) {
      throw new TypeError(`expected ${name}.code to be ${code} or absent, got ${describe(v)}`);
    }
    if (field !== 'code' && field !== 'category' && typeof v !== 'string') {
      throw new TypeError(`expected ${name}.${field} to be a string, got ${describe(v)}`);
    }
  }
  return { meaning: UNDOCUMENTED, ...base, ...fields, code } as ZimCodeInfo;
}

/** Echoes a value in an error message: strings quoted, objects as JSON. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}
