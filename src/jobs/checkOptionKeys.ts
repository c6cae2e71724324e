import { CALL_OPTION_KEYS } from '../api/callOptionKeys.js';
import { didYouMean } from '../core/didYouMean.js';

/**
 * Options of a job, checked like a client's: an unknown key is a TypeError with "did you mean";
 * every key of `CallOptions` is known, and `own` (the job's own).
 */
export function checkOptionKeys(what: 'batch' | 'paginate', options: unknown, own: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new TypeError(
      `expected ${what} options to be an object, got ${Array.isArray(options) ? 'an array' : JSON.stringify(options)}`,
    );
  const known = [...CALL_OPTION_KEYS, ...own];
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = didYouMean(key, known);
    throw new TypeError(
      `unknown ${what} option ${JSON.stringify(key)}${near ? ` (did you mean ${near}?)` : ''}; known: ${known.join(', ')}`,
    );
  }
}
