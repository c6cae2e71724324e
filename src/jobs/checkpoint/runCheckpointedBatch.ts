import { BEFORE_FIRST_SEND, type HookedCallOptions } from '../../api/beforeFirstSend.js';
import type { CallOptions } from '../../api/CallOptions.js';
import type { ZimBody } from '../../core/Outcome.js';
import { sleep } from '../../core/sleep.js';
import { isZimError } from '../../errors/ZimError.js';
import { isIdempotentByDefault } from '../../options/isIdempotentByDefault.js';
import type { BatchProgress } from '../Batch.js';
import { type BatchContext, type BatchRun, chunkCallOptions, chunkSize, resendRule } from '../batchRun.js';
import type { JobCall } from '../JobCall.js';
import { type FailedItem, mergeBatch, type PerItemEntry } from '../mergeBatch.js';
import { type Pending, readChunkAnswer } from '../readChunkAnswer.js';
import type { ChunkRecord, LiveRecord, StoredFailure } from './ChunkRecord.js';
import { listDigest } from './listDigest.js';
import { batchStoreOf } from './openStores.js';
import type { ResolvedCheckpoint } from './storeContext.js';
import { ZimCheckpointError } from './ZimCheckpointError.js';

/** The longest wait between two claims while other processes hold the last chunks. */
const MAX_POLL_MS = 200;

/** The answer with its per-item lists emptied (their entries are kept apart). */
function emptied(spec: BatchRun['spec'], answer: ZimBody): ZimBody {
  const out: Record<string, unknown> = { ...answer };
  for (const field of [...spec.failures, ...spec.successes]) if (Array.isArray(out[field])) out[field] = [];
  return out as ZimBody;
}

/** A record as the store keeps it: the failed items' errors by name, message and code. */
function storable(record: LiveRecord): ChunkRecord {
  return {
    calls: record.calls,
    entries: record.entries,
    itemErrors: record.itemErrors,
    failed: record.failed.map(({ index, error, mayHaveCommitted }): StoredFailure => {
      const code = (error as { code?: unknown }).code;
      return {
        index,
        name: error.name,
        message: error.message,
        code: typeof code === 'number' ? code : undefined,
        mayHaveCommitted,
        ...(error instanceof ZimCheckpointError && error.reason === 'interrupted'
          ? { interrupted: true as const }
          : {}),
      };
    }),
  };
}

/**
 * A batch whose chunks are claimed, recorded as sent (before the first attempt goes out) and
 * recorded as settled in a checkpoint. Chunk `i` is always items `i * size ...`, so every process
 * and every run splits the list alike. A per-item failure to resend is sent again within its
 * chunk. Resolves, once every chunk of the job is settled (by this process or another), with the
 * merged answer of them all.
 */
export async function runCheckpointedBatch(
  call: JobCall,
  context: BatchContext,
  run: BatchRun,
  checkpoint: ResolvedCheckpoint,
): Promise<unknown> {
  const { action, spec, params, list, concurrency, options } = run;
  const { onProgress } = options;
  const callOptions = chunkCallOptions(options);
  const { signal } = callOptions;
  const { key } = checkpoint;
  const clock = context.stores.clock;
  const total = list.items.length;
  const size = chunkSize(spec, total);
  const n = Math.ceil(total / size);
  const idempotent = options.idempotent ?? context.idempotent[action] ?? isIdempotentByDefault(action);
  const resend = resendRule(spec, context);
  const lengthOf = (i: number) => Math.min(size, total - i * size);
  const store = batchStoreOf(checkpoint, context.stores);
  const live: (LiveRecord | undefined)[] = [];

  let done = 0;
  let failed = 0;
  let itemErrors = 0;
  const count = (i: number, record: { readonly failed: readonly unknown[]; readonly itemErrors: number }) => {
    done += lengthOf(i);
    failed += record.failed.length;
    itemErrors += record.itemErrors;
  };
  const progress = () => {
    const state: BatchProgress = Object.freeze({ done, total, failed, itemErrors });
    onProgress?.(state);
  };

  /** Sends chunk `index`; undefined when another process took it over before it went out. */
  const sendChunk = async (index: number): Promise<LiveRecord | undefined> => {
    const first = index * size;
    let pending: Pending[] = list.items
      .slice(first, first + size)
      .map((item, k) => ({ item, index: first + k, attempts: 1 }));
    const calls: ZimBody[] = [];
    const entries: PerItemEntry[] = [];
    const failedItems: FailedItem[] = [];
    let errors = 0;
    let lost = false;
    let hook: (() => Promise<void>) | undefined = async () => {
      if (await store.markSent(index)) return;
      lost = true;
      throw new ZimCheckpointError(`checkpoint ${JSON.stringify(key)}: chunk ${index} was taken over`, {
        key,
        reason: 'gone',
      });
    };
    while (pending.length > 0) {
      const chunkParams = { ...params, [list.name]: pending.map((p) => p.item) };
      const callWith: HookedCallOptions = hook ? { ...callOptions, [BEFORE_FIRST_SEND]: hook } : callOptions;
      hook = undefined;
      let answer: ZimBody;
      try {
        answer = await call(action, chunkParams, callWith as CallOptions);
      } catch (error) {
        if (lost) return undefined;
        if (!isZimError(error) || signal?.aborted || error instanceof ZimCheckpointError) throw error;
        const mayHaveCommitted = (error as { mayHaveCommitted?: unknown }).mayHaveCommitted === true;
        for (const p of pending) failedItems.push({ index: p.index, item: p.item, error, mayHaveCommitted });
        break;
      }
      calls.push(emptied(spec, answer));
      const reading = readChunkAnswer(spec, pending, answer, resend);
      entries.push(...reading.entries);
      errors += reading.itemErrors;
      pending = reading.resend;
    }
    return { calls, entries, failed: failedItems, itemErrors: errors };
  };

  /** Chunk `index` was in flight in a process that stopped, and may not be sent twice. */
  const interrupted = (index: number): LiveRecord => {
    const first = index * size;
    const error = new ZimCheckpointError(
      `checkpoint ${JSON.stringify(key)}: chunk ${index} (items ${first}-${first + lengthOf(index) - 1}) was in flight when the process running it stopped; ${action} is not idempotent, so it is not sent again: it may have been acted on`,
      { key, reason: 'interrupted', action, mayHaveCommitted: true },
    );
    return {
      calls: [],
      entries: [],
      itemErrors: 0,
      failed: list.items
        .slice(first, first + lengthOf(index))
        .map((item, k) => ({ index: first + k, item, error, mayHaveCommitted: true })),
    };
  };

  let stop: { error: unknown } | undefined;
  const worker = async () => {
    try {
      while (stop === undefined) {
        signal?.throwIfAborted();
        const claim = await store.claim();
        if (claim.kind === 'done') return;
        if (claim.kind === 'wait') {
          await sleep(Math.min(Math.max(claim.ms, 20), MAX_POLL_MS), clock, signal);
          continue;
        }
        const { index } = claim;
        const record = claim.interrupted && !idempotent ? interrupted(index) : await sendChunk(index);
        if (record === undefined) continue;
        await store.settle(index, storable(record));
        live[index] = record;
        count(index, record);
        progress();
      }
    } catch (error) {
      stop ??= { error };
    }
  };

  try {
    const settled = await store.open(listDigest('batch', action, params, size), n);
    settled.forEach((record, i) => {
      if (record !== undefined) count(i, record);
    });
    if (done > 0) progress();
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, n)) }, worker));
    if (stop !== undefined) throw stop.error;
    const records = await store.records();
    const answers: { chunk: readonly { index: number }[]; answer: ZimBody }[] = [];
    const entries: PerItemEntry[] = [];
    const failedItems: FailedItem[] = [];
    records.forEach((stored, i) => {
      const record = live[i] ?? restored(stored);
      for (const answer of record.calls) answers.push({ chunk: [{ index: i * size }], answer });
      entries.push(...record.entries);
      failedItems.push(...record.failed);
    });
    return mergeBatch(spec, answers, entries, failedItems);
  } finally {
    await store.close();
  }

  function restored(record: ChunkRecord): LiveRecord {
    return {
      ...record,
      failed: record.failed.map((f) => ({
        index: f.index,
        item: list.items[f.index],
        mayHaveCommitted: f.mayHaveCommitted,
        error: f.interrupted
          ? new ZimCheckpointError(f.message, { key, reason: 'interrupted', action, mayHaveCommitted: true })
          : new ZimCheckpointError(`${f.name} (in an earlier run): ${f.message}`, {
              key,
              reason: 'restored',
              action,
              mayHaveCommitted: f.mayHaveCommitted,
              originalName: f.name,
              code: f.code,
            }),
      })),
    };
  }
}
