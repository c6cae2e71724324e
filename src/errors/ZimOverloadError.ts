import { ZimError } from './ZimError.js';

/**
 * The call could not get its first slot within `maxQueueWaitMs` (docs/overload.md): refused at
 * once, from the queue ahead of it and the limit's window, or when the bound passed (the estimate
 * was wrong: a fleet, a pause). Nothing was sent and no slot was taken (`attempts` is 0).
 *
 * @public
 */
export class ZimOverloadError extends ZimError {
  /** Calls waiting ahead of it for the same limit. */
  readonly queued: number;
  /** When a slot could be granted, from the refusal (an estimate): come back then. */
  readonly retryAfterMs: number;
  /** The bound it was refused for. */
  readonly maxQueueWaitMs: number;

  constructor(init: { action: string; queued: number; retryAfterMs: number; maxQueueWaitMs: number }) {
    const retryAfterMs = Math.max(0, Math.ceil(init.retryAfterMs));
    super(
      `${init.action} was refused: ${init.queued} call${init.queued === 1 ? '' : 's'} ahead, its slot would come in ${retryAfterMs} ms, past maxQueueWaitMs (${init.maxQueueWaitMs} ms). Nothing was sent`,
      { action: init.action, attempts: 0 },
    );
    this.queued = init.queued;
    this.retryAfterMs = retryAfterMs;
    this.maxQueueWaitMs = init.maxQueueWaitMs;
  }

  override get name(): string {
    return 'ZimOverloadError';
  }
}
