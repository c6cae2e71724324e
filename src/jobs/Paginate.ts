import type { CallOptions } from '../api/CallOptions.js';
import type { ZimAnswer, ZimParams } from '../api/ZimCall.js';
import type { PAGED_ACTIONS, PagedAction } from '../generated/jobActions.js';
import type { CheckpointOptions } from './checkpoint/CheckpointOptions.js';

/**
 * Options of a walk: a call's options (each page gets them), plus `maxItems`.
 *
 * @public
 */
export interface PaginateOptions extends Omit<CallOptions, 'method'> {
  /** Stops the walk after this many items (the last page is cut to fit). @default Infinity */
  readonly maxItems?: number;
  /**
   * Records each page's cursor in the client's `redis` (or in files: `{ key, dir }`) as the page is
   * consumed: a walk run again with the key goes on from the last recorded cursor (the page in
   * flight at a crash may come again), and a finished one yields nothing (docs/jobs.md).
   * @default none
   */
  readonly checkpoint?: CheckpointOptions;
}

/**
 * The cursors of a page of `zim.paginate.iterator` (not enumerable: not fields of the answer), so
 * that a walk can be resumed from your own store: pass `nextCursor` as the action's cursor field.
 *
 * @public
 */
export interface PageCursors {
  /** The cursor that fetched this page (the start value for the first). */
  readonly cursor: string | number;
  /** The cursor of the next page; undefined on the last page. */
  readonly nextCursor: string | number | undefined;
}

/**
 * The answer field of `A` that holds its items.
 *
 * @public
 */
export type PageItemsField<A extends PagedAction> = (typeof PAGED_ACTIONS)[A]['items'];

/**
 * One item of a page of `A`, typed from the documents (`QueryGroupMemberList`: a member).
 *
 * @public
 */
export type PageItem<A extends PagedAction> =
  NonNullable<ZimAnswer<A>[PageItemsField<A> & keyof ZimAnswer<A>]> extends readonly (infer I)[] ? I : never;

/**
 * The parameters of a walk: the action's own, with the cursor left to the walk (and `Limit` to its maximum).
 *
 * @public
 */
export type PaginateParams<A extends PagedAction> = Partial<ZimParams<A>> &
  Omit<ZimParams<A>, (typeof PAGED_ACTIONS)[A]['cursor'] | 'Limit'>;

/**
 * The arguments after the action: `params` may be left out when the walk needs none.
 *
 * @public
 */
export type PaginateArgs<A extends PagedAction> =
  Record<never, never> extends PaginateParams<A>
    ? [params?: PaginateParams<A>, options?: PaginateOptions]
    : [params: PaginateParams<A>, options?: PaginateOptions];

/**
 * `zim.paginate(action, params?, options?)`: every item of every page, in order.
 * `zim.paginate.iterator(...)`: each page's answer as it comes (a page is fetched only when asked for).
 *
 * @public
 */
export interface Paginate {
  <A extends PagedAction>(action: A, ...args: PaginateArgs<A>): Promise<PageItem<A>[]>;
  /** An async iterable of each page's answer (with its `PageCursors`); breaking out of `for await` fetches no further page. */
  iterator<A extends PagedAction>(
    action: A,
    ...args: PaginateArgs<A>
  ): AsyncIterable<ZimAnswer<A> & PageCursors>;
}
