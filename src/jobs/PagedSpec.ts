/**
 * How one paged action walks, as `scripts/gen-jobs.mjs` derives it from the API documents.
 *
 * @public
 */
export interface PagedSpec {
  /** The request field that takes the cursor (opaque: what the server sent, never computed). */
  readonly cursor: string;
  /** The answer field that carries the cursor of the following page. */
  readonly nextCursor: string;
  /** A number cursor: the first page sends 0, an answer of 0 ends the walk; a string one: '' first, '' or '0' ends it. */
  readonly cursorType: 'number' | 'string';
  /** A numeric answer field whose 1 ends the walk, whatever the cursor says (FetchForbidGroupList's `FetchEnd`). */
  readonly endFlag?: string;
  /** The answer field that holds the page's items. */
  readonly items: string;
  /** The documented maximum of `Limit`, sent when the caller gives none (the fewest calls); none when the action takes no `Limit`. */
  readonly maxLimit?: number;
}
