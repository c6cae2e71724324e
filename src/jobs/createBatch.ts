import type { CallOptions } from '../api/CallOptions.js';
import type { CodeCatalog } from '../codes/CodeCatalog.js';
import type { ZimBody } from '../core/Outcome.js';
import { isZimError } from '../errors/ZimError.js';
import { ZIM_ACTIONS } from '../generated/actions.js';
import { BATCH_ACTIONS } from '../generated/jobActions.js';
import { JOB_PRIORITY } from '../limits/priorities.js';
import type { Batch, BatchOptions, BatchProgress } from './Batch.js';
import type { BatchSpec } from './BatchSpec.js';
import { batchList, itemKey } from './batchList.js';
import type { JobCall } from './JobCall.js';
import { type FailedItem, mergeBatch, type PerItemEntry } from './mergeBatch.js';

const BATCH: Readonly<Record<string, BatchSpec>> = BATCH_ACTIONS;

/** What a batch needs of its client besides `call`. */
export interface BatchContext {
  /** `retry.maxAttempts`: how often one item is sent at most. */
  readonly maxAttempts: number;
  /** The client's code catalog: a per-item `SubCode` it calls retryable or rate-limited is resent. */
  readonly catalog: CodeCatalog;
}

/** One item of the list on its way. */
interface Pending {
  readonly item: unknown;
  readonly index: number;
  attempts: number;
}

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
      const list = batchList(action, spec, p, options.allowLarge === true);
      const concurrency = concurrencyOf(action, options);
      if (options.onProgress !== undefined && typeof options.onProgress !== 'function')
        throw new TypeError('expected onProgress to be a function');
      return runBatch(call, context, { action, spec, params: p, list, concurrency, options });
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return run as unknown as Batch;
}

interface BatchRun {
  readonly action: string;
  readonly spec: BatchSpec;
  readonly params: Readonly<Record<string, unknown>>;
  readonly list: { readonly name: string; readonly items: readonly unknown[] };
  readonly concurrency: number;
  readonly options: BatchOptions;
}

function runBatch(call: JobCall, context: BatchContext, run: BatchRun): Promise<unknown> {
  const { action, spec, params, list, concurrency, options } = run;
  const { onProgress, allowLarge: _a, concurrency: _c, ...callOptions } = options;
  const total = list.items.length;
  const queue: Pending[] = list.items.map((item, index) => ({ item, index, attempts: 1 }));
  const size = spec.split ? spec.maxItems : Math.max(1, total);
  const answers: { readonly chunk: readonly Pending[]; readonly answer: ZimBody }[] = [];
  const entries: PerItemEntry[] = [];
  const failed: FailedItem[] = [];
  let head = 0;
  let inFlight = 0;
  let done = 0;
  let failedCount = 0;
  let stopped = false;

  return new Promise((resolve, reject) => {
    const progress = () => {
      const state: BatchProgress = Object.freeze({ done, total, failed: failedCount });
      onProgress?.(state);
    };
    const stop = (error: unknown) => {
      stopped = true;
      reject(error);
    };
    const retryable = (code: unknown) => {
      const category = typeof code === 'number' ? context.catalog.category(code) : 'fatal';
      return category === 'retryable' || category === 'rate-limited';
    };

    const settle = (chunk: readonly Pending[], answer: ZimBody) => {
      answers.push({ chunk, answer });
      const byKey = new Map<string, Pending[]>();
      for (const p of chunk) {
        const key = itemKey(p.item, spec.key);
        if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), p]);
      }
      const first = chunk[0]?.index ?? 0;
      let resent = 0;
      let finalFailures = 0;
      for (const field of spec.failures) {
        const items = answer[field];
        if (!Array.isArray(items)) continue;
        for (const entry of items as Readonly<Record<string, unknown>>[]) {
          const key = spec.key === undefined ? undefined : entry[spec.key];
          const pending = key === undefined ? undefined : byKey.get(String(key))?.shift();
          if (
            pending !== undefined &&
            spec.split &&
            retryable(entry['SubCode']) &&
            pending.attempts < context.maxAttempts
          ) {
            pending.attempts++;
            queue.push(pending);
            resent++;
            continue;
          }
          finalFailures++;
          entries.push({ field, index: pending?.index ?? first, entry });
        }
      }
      for (const field of spec.successes) {
        const items = answer[field];
        if (!Array.isArray(items)) continue;
        const indexOf = new Map(chunk.map((p) => [itemKey(p.item, spec.key), p.index]));
        for (const entry of items as Readonly<Record<string, unknown>>[]) {
          const key = spec.key === undefined ? undefined : entry[spec.key];
          entries.push({
            field,
            index: indexOf.get(key === undefined ? undefined : String(key)) ?? first,
            entry,
          });
        }
      }
      done += chunk.length - resent;
      failedCount += Math.min(finalFailures, chunk.length - resent);
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
        call(action, chunkParams, {
          ...callOptions,
          priority: options.priority ?? JOB_PRIORITY,
        } as CallOptions)
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
