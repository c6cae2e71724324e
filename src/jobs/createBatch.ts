import type { ZimBody } from '../core/Outcome.js';
import { isZimError } from '../errors/ZimError.js';
import { ZIM_ACTIONS } from '../generated/actions.js';
import { BATCH_ACTIONS } from '../generated/jobActions.js';
import type { Batch, BatchOptions, BatchProgress } from './Batch.js';
import type { BatchSpec } from './BatchSpec.js';
import { batchList } from './batchList.js';
import { type BatchContext, type BatchRun, chunkCallOptions, chunkSize, resendRule } from './batchRun.js';
import { checkOptionKeys } from './checkOptionKeys.js';
import { resolveCheckpoint } from './checkpoint/resolveCheckpoint.js';
import { runCheckpointedBatch } from './checkpoint/runCheckpointedBatch.js';
import type { JobCall } from './JobCall.js';
import { type FailedItem, mergeBatch, type PerItemEntry } from './mergeBatch.js';
import { type Pending, readChunkAnswer } from './readChunkAnswer.js';

const BATCH: Readonly<Record<string, BatchSpec>> = BATCH_ACTIONS;

/** The keys of batch options besides those of `CallOptions`. */
const OWN_KEYS = ['onProgress', 'allowLarge', 'concurrency', 'checkpoint'];

function batchSpec(action: unknown): BatchSpec {
  const spec = typeof action === 'string' && Object.hasOwn(BATCH, action) ? BATCH[action] : undefined;
  if (spec === undefined) {
    throw new TypeError(
      `expected action to be a batch action (${Object.keys(BATCH).join(', ')}), got ${JSON.stringify(action)}`,
    );
  }
  return spec;
}

function concurrencyOf(action: string, options: BatchOptions): number {
  const documented = ZIM_ACTIONS[action as keyof typeof ZIM_ACTIONS]?.perSecond ?? 10;
  const n = options.concurrency ?? Math.max(2, 2 * documented);
  if (!(Number.isSafeInteger(n) && n >= 1))
    throw new TypeError(`expected concurrency to be a positive integer, got ${JSON.stringify(n)}`);
  return n;
}

/**
 * `zim.batch` over a client's `call`: chunks of the documented maximum, several in flight (the
 * client's throttle keeps the rate), per-item retries of retryable `SubCode`s in later chunks,
 * one merged answer.
 */
export function createBatch(call: JobCall, context: BatchContext): Batch {
  const run = (action: string, params: unknown, options: BatchOptions = {}): Promise<unknown> => {
    try {
      const spec = batchSpec(action);
      if (typeof params !== 'object' || params === null || Array.isArray(params))
        throw new TypeError(`expected params to be an object, got ${JSON.stringify(params)}`);
      const p = params as Readonly<Record<string, unknown>>;
      checkOptionKeys('batch', options, OWN_KEYS);
      const list = batchList(action, spec, p, options.allowLarge === true);
      const concurrency = concurrencyOf(action, options);
      if (options.onProgress !== undefined && typeof options.onProgress !== 'function')
        throw new TypeError('expected onProgress to be a function');
      const batch = { action, spec, params: p, list, concurrency, options };
      if (options.checkpoint !== undefined) {
        const checkpoint = resolveCheckpoint(options.checkpoint, context.stores);
        return runCheckpointedBatch(call, context, batch, checkpoint);
      }
      return runBatch(call, context, batch);
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return run as unknown as Batch;
}

function runBatch(call: JobCall, context: BatchContext, run: BatchRun): Promise<unknown> {
  const { action, spec, params, list, concurrency, options } = run;
  const { onProgress } = options;
  const callOptions = chunkCallOptions(options);
  const total = list.items.length;
  const queue: Pending[] = list.items.map((item, index) => ({ item, index, attempts: 1 }));
  const size = chunkSize(spec, total);
  const answers: { readonly chunk: readonly Pending[]; readonly answer: ZimBody }[] = [];
  const entries: PerItemEntry[] = [];
  const failed: FailedItem[] = [];
  let head = 0;
  let inFlight = 0;
  let done = 0;
  let failedCount = 0;
  let itemErrors = 0;
  let stopped = false;

  return new Promise((resolve, reject) => {
    const progress = () => {
      const state: BatchProgress = Object.freeze({ done, total, failed: failedCount, itemErrors });
      onProgress?.(state);
    };
    const stop = (error: unknown) => {
      stopped = true;
      reject(error);
    };
    const resend = resendRule(spec, context);

    const settle = (chunk: readonly Pending[], answer: ZimBody) => {
      answers.push({ chunk, answer });
      const reading = readChunkAnswer(spec, chunk, answer, resend);
      entries.push(...reading.entries);
      queue.push(...reading.resend);
      done += chunk.length - reading.resend.length;
      itemErrors += reading.itemErrors;
    };

    const fail = (chunk: readonly Pending[], error: unknown) => {
      if (!isZimError(error) || callOptions.signal?.aborted) return stop(error);
      const mayHaveCommitted = (error as { mayHaveCommitted?: unknown }).mayHaveCommitted === true;
      for (const p of chunk) failed.push({ index: p.index, item: p.item, error, mayHaveCommitted });
      done += chunk.length;
      failedCount += chunk.length;
    };

    const pump = () => {
      while (!stopped && inFlight < concurrency && head < queue.length) {
        const chunk = queue.slice(head, head + size);
        head += chunk.length;
        inFlight++;
        const chunkParams = { ...params, [list.name]: chunk.map((p) => p.item) };
        call(action, chunkParams, callOptions)
          .then(
            (answer) => settle(chunk, answer),
            (error: unknown) => fail(chunk, error),
          )
          .then(() => {
            inFlight--;
            if (stopped) return;
            progress();
            pump();
          })
          .catch(stop);
      }
      if (!stopped && inFlight === 0 && head >= queue.length) {
        stopped = true;
        resolve(mergeBatch(spec, answers, entries, failed));
      }
    };
    pump();
  });
}
