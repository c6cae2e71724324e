import type { ResolvedRedisOption } from '../cluster/resolveRedisOption.js';
import type { CodeCatalog } from '../codes/CodeCatalog.js';
import type { Clock } from '../core/Clock.js';
import type { Batch } from './Batch.js';
import { jobsLink } from './checkpoint/jobsLink.js';
import { forgetCheckpoint } from './checkpoint/openStores.js';
import type { RedisLink } from './checkpoint/RedisLink.js';
import type { StoreContext } from './checkpoint/storeContext.js';
import { createBatch } from './createBatch.js';
import { createPaginate } from './createPaginate.js';
import type { JobCall } from './JobCall.js';
import type { Paginate } from './Paginate.js';

/** What the jobs take of a client's resolved options. */
export interface JobsSettings {
  readonly maxAttempts: number;
  readonly catalog: CodeCatalog;
  readonly idempotent: Readonly<Record<string, boolean>>;
  readonly appId: number | undefined;
  readonly redis: ResolvedRedisOption | undefined;
  readonly clock: Clock;
}

/**
 * A client with `paginate` and `batch` built on its own public `call`. Checkpoints in Redis share
 * one connection of the client's, made when a checkpoint first needs it and closed by `close()`.
 */
export function withJobs<T extends { readonly call: unknown; close(): Promise<void> }>(
  client: T,
  settings: JobsSettings,
): T & { readonly paginate: Paginate; readonly batch: Batch } {
  const call = client.call as JobCall;
  let link: RedisLink | undefined;
  const stores: StoreContext = {
    appId: settings.appId,
    redis: settings.redis,
    clock: settings.clock,
    link: () => {
      link ??= jobsLink(settings.redis!);
      return link;
    },
  };
  const close = client.close.bind(client);
  const batch = Object.assign(createBatch(call, { ...settings, stores }), {
    forget: (checkpoint: unknown) => {
      try {
        return forgetCheckpoint(checkpoint, stores);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  });
  return Object.assign(client, {
    paginate: createPaginate(call, stores),
    batch: batch as Batch,
    async close() {
      await close();
      await link?.close();
    },
  });
}
