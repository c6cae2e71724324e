import type { CodeCatalog } from '../codes/CodeCatalog.js';
import type { Batch } from './Batch.js';
import { createBatch } from './createBatch.js';
import { createPaginate } from './createPaginate.js';
import type { JobCall } from './JobCall.js';
import type { Paginate } from './Paginate.js';

/** A client with `paginate` and `batch` built on its own public `call`. */
export function withJobs<T extends { readonly call: unknown }>(
  client: T,
  maxAttempts: number,
  catalog: CodeCatalog,
): T & { readonly paginate: Paginate; readonly batch: Batch } {
  const call = client.call as JobCall;
  return Object.assign(client, {
    paginate: createPaginate(call),
    batch: createBatch(call, { maxAttempts, catalog }),
  });
}
