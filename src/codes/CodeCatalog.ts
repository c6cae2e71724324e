import type { Category } from './Category.js';
import type { ZimCodeInfo } from './ZimCodeInfo.js';

/**
 * A frozen lookup from return code to what it means and which remedy it calls for.
 * Build one with `createCodeCatalog()`; `ZIM_CODE_CATALOG` is the default.
 *
 * @public
 */
export interface CodeCatalog {
  /** The entry for `code`, or `undefined` when the catalog does not know it. */
  get(code: number): ZimCodeInfo | undefined;
  /** The category of `code`: its entry's, else `success` for 0 and `fatal` for any other code. */
  category(code: number): Category;
}
