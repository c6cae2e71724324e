import type { Category } from './Category.js';
import type { CodeCatalog } from './CodeCatalog.js';
import { ZIM_CODE_CATALOG } from './createCodeCatalog.js';
import type { ZimCodeInfo } from './ZimCodeInfo.js';

/**
 * The category of a return code from the response body: `success` for 0, the catalog's category for
 * a code it knows, `fatal` for any other code (an unknown failure is not worth repeating).
 *
 * @param code the body's `Code`.
 * @param catalog where to look codes up; the ZIM defaults unless given.
 * @example classifyCode(660600004) // 'rate-limited'
 *
 * @public
 */
export function classifyCode(code: number, catalog: CodeCatalog = ZIM_CODE_CATALOG): Category {
  return catalog.category(code);
}

/**
 * What the catalog knows about a return code (meaning, cause, advice, category), or `undefined`.
 *
 * @param code the body's `Code`.
 * @param catalog where to look codes up; the ZIM defaults unless given.
 *
 * @public
 */
export function codeInfo(code: number, catalog: CodeCatalog = ZIM_CODE_CATALOG): ZimCodeInfo | undefined {
  return catalog.get(code);
}
