import { fileBatchStore, fileWalkStore, forgetFile } from './fileStores.js';
import type { BatchStore, WalkStore } from './JobStore.js';
import { forgetRedis, redisBatchStore, redisWalkStore } from './redisStores.js';
import { resolveCheckpoint } from './resolveCheckpoint.js';
import type { ResolvedCheckpoint, StoreContext } from './storeContext.js';

/** The store of a batch's checkpoint: files under `dir`, else the client's redis. */
export function batchStoreOf(checkpoint: ResolvedCheckpoint, context: StoreContext): BatchStore {
  return checkpoint.dir !== undefined ? fileBatchStore(checkpoint) : redisBatchStore(context, checkpoint);
}

/** The store of a walk's checkpoint. */
export function walkStoreOf(checkpoint: ResolvedCheckpoint, context: StoreContext): WalkStore {
  return checkpoint.dir !== undefined ? fileWalkStore(checkpoint) : redisWalkStore(context, checkpoint);
}

/** `zim.batch.forget(key)` or `forget({ key, dir })`: drops a job's checkpoint (a batch's or a walk's). */
export async function forgetCheckpoint(value: unknown, context: StoreContext): Promise<void> {
  const checkpoint = resolveCheckpoint(typeof value === 'string' ? { key: value } : value, context);
  if (checkpoint.dir !== undefined) await forgetFile(checkpoint.dir, checkpoint.key);
  else await forgetRedis(context, checkpoint.key);
}
