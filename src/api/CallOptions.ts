/**
 * Per-call options.
 *
 * @public
 */
export interface CallOptions {
  /** Aborts the call: queue waits, backoff sleeps and the attempt in flight. */
  readonly signal?: AbortSignal;
  /** Whether this call may be sent twice (overrides the action's setting). */
  readonly idempotent?: boolean;
  /** The HTTP method, for an action of `customActions`. @default the documented method, else POST */
  readonly method?: 'GET' | 'POST';
}
