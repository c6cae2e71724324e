import type { CallOptions } from '../api/CallOptions.js';
import type { ZimBody } from '../core/Outcome.js';
import { PAGED_ACTIONS } from '../generated/jobActions.js';
import { JOB_PRIORITY } from '../limits/priorities.js';
import { isLastPage } from './isLastPage.js';
import type { JobCall } from './JobCall.js';
import type { PagedSpec } from './PagedSpec.js';
import type { Paginate, PaginateOptions } from './Paginate.js';
import { ZimCursorError } from './ZimCursorError.js';

const PAGED: Readonly<Record<string, PagedSpec>> = PAGED_ACTIONS;

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
): AsyncGenerator<ZimBody> {
  const maxItems = maxItemsOf(options);
  const { maxItems: _max, ...own } = options;
  const callOptions = { ...own, priority: options.priority ?? JOB_PRIORITY }; // a whole job yields to direct calls
  const first: Record<string, unknown> = { ...params };
  if (first[spec.cursor] === undefined) first[spec.cursor] = spec.cursorType === 'number' ? 0 : '';
  if (spec.maxLimit !== undefined && first['Limit'] === undefined) first['Limit'] = spec.maxLimit;
  const seen = new Set<string>([String(first[spec.cursor])]);
  let request = first;
  let items = 0;
  let pages = 0;
  while (items < maxItems) {
    callOptions.signal?.throwIfAborted();
    const answer = await call(action, request, callOptions as CallOptions);
    pages++;
    const list = answer[spec.items];
    const pageItems = Array.isArray(list) ? list : [];
    const room = maxItems - items;
    items += Math.min(pageItems.length, room);
    yield pageItems.length > room ? { ...answer, [spec.items]: pageItems.slice(0, room) } : answer;
    if (isLastPage(spec, answer)) return;
    const next = answer[spec.nextCursor] as string | number;
    if (seen.has(String(next)))
      throw new ZimCursorError({ action, cursor: next, pages, field: spec.nextCursor });
    seen.add(String(next));
    request = { ...request, [spec.cursor]: next };
  }
}

function checkedParams(params: unknown): Readonly<Record<string, unknown>> {
  if (params === undefined) return {};
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw new TypeError(`expected params to be an object, got ${JSON.stringify(params)}`);
  return params as Readonly<Record<string, unknown>>;
}

/** `zim.paginate` over a client's `call`. */
export function createPaginate(call: JobCall): Paginate {
  const iterator = (action: string, params?: unknown, options: PaginateOptions = {}) => {
    const spec = pagedSpec(action);
    const checked = checkedParams(params);
    maxItemsOf(options);
    return walk(call, action, spec, checked, options);
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
