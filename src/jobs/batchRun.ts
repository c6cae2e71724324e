import type { CallOptions } from '../api/CallOptions.js';
import type { CodeCatalog } from '../codes/CodeCatalog.js';
import { JOB_PRIORITY } from '../limits/priorities.js';
import type { BatchOptions } from './Batch.js';
import type { BatchSpec } from './BatchSpec.js';
import type { StoreContext } from './checkpoint/storeContext.js';
import type { Pending } from './readChunkAnswer.js';

/** What a batch needs of its client besides `call`. */
export interface BatchContext {
  /** `retry.maxAttempts`: how often one item is sent at most. */
  readonly maxAttempts: number;
  /** The client's code catalog: a per-item `SubCode` it calls retryable or rate-limited is resent. */
  readonly catalog: CodeCatalog;
  /** The client's `idempotent` option (per action). */
  readonly idempotent: Readonly<Record<string, boolean>>;
  /** The client's redis, AppId and clock, for checkpoints. */
  readonly stores: StoreContext;
}

/** A batch, checked, before anything is sent. */
export interface BatchRun {
  readonly action: string;
  readonly spec: BatchSpec;
  readonly params: Readonly<Record<string, unknown>>;
  readonly list: { readonly name: string; readonly items: readonly unknown[] };
  readonly concurrency: number;
  readonly options: BatchOptions;
}

/** Items per call: the documented maximum, or the whole list for an action that cannot be split. */
export function chunkSize(spec: BatchSpec, total: number): number {
  return spec.split ? spec.maxItems : Math.max(1, total);
}

/** Whether a per-item failure is sent again: a retryable or rate-limited `SubCode` (the catalog), attempts left, an action that splits. Counts the attempt. */
export function resendRule(
  spec: BatchSpec,
  context: BatchContext,
): (pending: Pending, subCode: unknown) => boolean {
  return (pending, code) => {
    const category = typeof code === 'number' ? context.catalog.category(code) : 'fatal';
    if (
      !(
        spec.split &&
        (category === 'retryable' || category === 'rate-limited') &&
        pending.attempts < context.maxAttempts
      )
    )
      return false;
    pending.attempts++;
    return true;
  };
}

/** What each chunk's call gets of the batch's options: the call's own ones, at the job's priority (a whole job yields to direct calls). */
export function chunkCallOptions(options: BatchOptions): CallOptions {
  const { onProgress: _p, allowLarge: _a, concurrency: _c, checkpoint: _k, ...callOptions } = options;
  return { ...callOptions, priority: options.priority ?? JOB_PRIORITY };
}
