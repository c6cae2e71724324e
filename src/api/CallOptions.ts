/**
 * Per-call options. An unknown key is a `TypeError` ("did you mean ...?").
 *
 * @public
 */
export interface CallOptions {
  /**
   * Aborts the call: queue waits, backoff sleeps and the attempt in flight. The call then rejects
   * with `ZimAbortedError` (its `cause` is the signal's reason; `mayHaveCommitted` says whether an
   * attempt was in flight).
   */
  readonly signal?: AbortSignal;
  /** Whether this call may be sent twice (overrides the action's setting). */
  readonly idempotent?: boolean;
  /** The HTTP method, for an action of `customActions`. @default the documented method, else POST */
  readonly method?: 'GET' | 'POST';
  /**
   * An integer: among the calls waiting for one limit, a higher priority is served first (within
   * one priority, retries and requeues first, then in order). While higher ones keep the limit
   * busy, 1 grant in `LOW_PRIORITY_SHARE` (5) goes to the lowest waiting (docs/overload.md).
   * `zim.batch` chunks and `zim.paginate` pages default to `JOB_PRIORITY` (-1). @default 0
   */
  readonly priority?: number;
  /**
   * Refuse the call at once (`ZimOverloadError`, nothing sent) when its first slot cannot come
   * within this many milliseconds. @default the client's `maxQueueWaitMs` (no bound)
   */
  readonly maxQueueWaitMs?: number;
}
