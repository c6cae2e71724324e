/**
 * A limiter's refusal of a wait that cannot end within its `maxWaitMs` (at once, or when the
 * bound passed). The engine turns it into `ZimOverloadError`, naming the action.
 * @internal
 */
export class QueueBoundExceeded extends Error {
  constructor(
    /** Calls waiting ahead of it. */
    readonly queued: number,
    /** When a slot could be granted, from now (the limiter's estimate). */
    readonly retryAfterMs: number,
    /** The bound it was given. */
    readonly maxWaitMs: number,
  ) {
    super(`no slot within ${maxWaitMs} ms`);
    this.name = 'QueueBoundExceeded';
  }
}
