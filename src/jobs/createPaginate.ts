import type { CallOptions } from '../api/CallOptions.js';
import type { ZimBody } from '../core/Outcome.js';
import { PAGED_ACTIONS } from '../generated/jobActions.js';
import { JOB_PRIORITY } from '../limits/priorities.js';
import { checkOptionKeys } from './checkOptionKeys.js';
import { listDigest } from './checkpoint/listDigest.js';
import { walkStoreOf } from './checkpoint/openStores.js';
import { resolveCheckpoint } from './checkpoint/resolveCheckpoint.js';
import type { StoreContext } from './checkpoint/storeContext.js';
import { isLastPage } from './isLastPage.js';
import type { JobCall } from './JobCall.js';
import type { PagedSpec } from './PagedSpec.js';
import type { Paginate, PaginateOptions } from './Paginate.js';
import { ZimCursorError } from './ZimCursorError.js';

const PAGED: Readonly<Record<string, PagedSpec>> = PAGED_ACTIONS;

/** The keys of paginate options besides those of `CallOptions`. */
const OWN_KEYS = ['maxItems', 'checkpoint'];

/** The spec of a paged action, or a TypeError (before anything is sent) that lists the paged ones. */
function pagedSpec(action: unknown): PagedSpec {
  const spec = typeof action === 'string' && Object.hasOwn(PAGED, action) ? PAGED[action] : undefined;
  if (spec === undefined) {
    throw new TypeError(
      `expected action to be a paged action (${Object.keys(PAGED).join(', ')}), got ${JSON.stringify(action)}`,
    );
  }
  return spec;
}

/** `options.maxItems`, checked. */
function maxItemsOf(options: PaginateOptions): number {
  const max = options.maxItems ?? Number.POSITIVE_INFINITY;
  if (
    !(typeof max === 'number' && (Number.isSafeInteger(max) || max === Number.POSITIVE_INFINITY) && max >= 0)
  )
    throw new TypeError(`expected maxItems to be a non-negative integer, got ${JSON.stringify(max)}`);
  return max;
}

/**
 * Walks `action` page by page through `call`: the first page with the cursor's start value (or the
 * one in `params`) and `Limit` at its documented maximum (unless `params` has one), then each
 * cursor exactly as the server sent it, until the documents' end condition. A page is fetched only
 * when the consumer asks for the next one; a cursor seen before in the walk is a `ZimCursorError`.
 */
async function* walk(
  call: JobCall,
  action: string,
  spec: PagedSpec,
  params: Readonly<Record<string, unknown>>,
  options: PaginateOptions,
  stores: StoreContext,
): AsyncGenerator<ZimBody> {
  const maxItems = maxItemsOf(options);
  const { maxItems: _max, checkpoint: _k, ...own } = options;
  const callOptions = { ...own, priority: options.priority ?? JOB_PRIORITY }; // a whole job yields to direct calls
  const first: Record<string, unknown> = { ...params };
  if (first[spec.cursor] === undefined) first[spec.cursor] = spec.cursorType === 'number' ? 0 : '';
  if (spec.maxLimit !== undefined && first['Limit'] === undefined) first['Limit'] = spec.maxLimit;
  const checkpoint =
    options.checkpoint === undefined ? undefined : resolveCheckpoint(options.checkpoint, stores);
  const store = checkpoint && walkStoreOf(checkpoint, stores);
  try {
    let request = first;
    let pages = 0;
    const at = await store?.open(listDigest('walk', action, first, 0));
    if (at?.done) return;
    if (at !== undefined) {
      request = { ...first, [spec.cursor]: at.cursor };
      pages = at.pages;
    }
    const seen = new Set<string>([String(request[spec.cursor])]);
    let items = 0;
    while (items < maxItems) {
      callOptions.signal?.throwIfAborted();
      const answer = await call(action, request, callOptions as CallOptions);
      pages++;
      const list = answer[spec.items];
      const pageItems = Array.isArray(list) ? list : [];
      const room = maxItems - items;
      items += Math.min(pageItems.length, room);
      const last = isLastPage(spec, answer);
      const next = last ? undefined : (answer[spec.nextCursor] as string | number);
      const page = pageItems.length > room ? { ...answer, [spec.items]: pageItems.slice(0, room) } : answer;
      yield withCursors(page, request[spec.cursor] as string | number, next);
      // The consumer asked for more: the page is consumed, and the walk goes on from `next`.
      if (next === undefined) {
        await store?.record({ cursor: request[spec.cursor] as string | number, pages, done: true });
        return;
      }
      if (seen.has(String(next)))
        throw new ZimCursorError({ action, cursor: next, pages, field: spec.nextCursor });
      await store?.record({ cursor: next, pages, done: false });
      seen.add(String(next));
      request = { ...request, [spec.cursor]: next };
    }
  } finally {
    await store?.close();
  }
}

/** The page with its cursors, not enumerable (they are not fields of the answer): `cursor` fetched it, `nextCursor` fetches the next one. */
function withCursors(
  page: ZimBody,
  cursor: string | number,
  nextCursor: string | number | undefined,
): ZimBody {
  return Object.defineProperties(page, {
    cursor: { value: cursor, configurable: true },
    nextCursor: { value: nextCursor, configurable: true },
  });
}

function checkedParams(params: unknown): Readonly<Record<string, unknown>> {
  if (params === undefined) return {};
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw new TypeError(`expected params to be an object, got ${JSON.stringify(params)}`);
  return params as Readonly<Record<string, unknown>>;
}

/** `zim.paginate` over a client's `call`. */
export function createPaginate(call: JobCall, stores: StoreContext): Paginate {
  const iterator = (action: string, params?: unknown, options: PaginateOptions = {}) => {
    const spec = pagedSpec(action);
    const checked = checkedParams(params);
    checkOptionKeys('paginate', options, OWN_KEYS);
    maxItemsOf(options);
    if (options.checkpoint !== undefined) resolveCheckpoint(options.checkpoint, stores);
    return walk(call, action, spec, checked, options, stores);
  };
  const paginate = async (action: string, params?: unknown, options: PaginateOptions = {}) => {
    const spec = pagedSpec(action);
    const all: unknown[] = [];
    for await (const page of iterator(action, params, options)) {
      const list = page[spec.items];
      if (Array.isArray(list)) all.push(...list);
    }
    return all;
  };
  return Object.assign(paginate, { iterator }) as unknown as Paginate;
}
