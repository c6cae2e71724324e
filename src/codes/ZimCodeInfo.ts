import type { Category } from './Category.js';

/**
 * What the catalog knows about one return code (the `Code` field of a ZIM response body).
 *
 * @public
 */
export interface ZimCodeInfo {
  /** The return code, as the server puts it in the body's `Code` field. */
  readonly code: number;
  /** The remedy the code calls for: see {@link Category}. */
  readonly category: Category;
  /** What the code means, in the words of the ZIM docs (English). */
  readonly meaning: string;
  /** Why the server returns it, where the docs say; absent when they do not. */
  readonly cause?: string;
  /** What the docs tell the caller to do, where they say; absent when they do not. */
  readonly advice?: string;
}
