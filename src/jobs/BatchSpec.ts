/**
 * How one batch action splits, as `scripts/gen-jobs.mjs` derives it from the API documents.
 *
 * @public
 */
export interface BatchSpec {
  /**
   * The list parameters, in order of preference: the first one that is a non-empty array is split
   * (InviteUsersIntoGroup: `GroupMemberInfos`, else `UserIds`); the others are sent as given.
   */
  readonly list: readonly string[];
  /** The documented maximum of items per call. */
  readonly maxItems: number;
  /** The field of a per-item failure (and of an object item) that names the item; a string or number item is its own key. */
  readonly key?: string;
  /** What an item of the first list is. */
  readonly itemType: 'object' | 'string' | 'number';
  /** The answer's per-item failure lists (their items carry a `SubCode`). */
  readonly failures: readonly string[];
  /** The answer's other per-item lists (successes, results). */
  readonly successes: readonly string[];
  /** False when one call makes one thing (a group, a call invitation): the list must fit in one call and no item is resent. */
  readonly split: boolean;
}
