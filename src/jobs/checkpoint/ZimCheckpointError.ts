import { ZimError } from '../../errors/ZimError.js';

/**
 * Why a checkpoint gave this error:
 * - `interrupted`: the chunk's attempt may have gone out when the process running it stopped, and
 *   the action is not idempotent: it is not resent (`mayHaveCommitted` is true);
 * - `restored`: a chunk that failed in an earlier run (the original error's `originalName`,
 *   `code` and message are kept);
 * - `store`: the checkpoint could not be read or written (Redis unreachable for the client's
 *   `connectTimeoutMs`, a file that cannot be written): no chunk was sent without its record;
 * - `busy`: a file checkpoint in use by another live process;
 * - `gone`: the checkpoint was forgotten or expired while the job ran.
 *
 * @public
 */
export type CheckpointErrorReason = 'interrupted' | 'restored' | 'store' | 'busy' | 'gone';

/**
 * An error of a checkpointed job (`reason` says which), with the job's `key`.
 *
 * @public
 */
export class ZimCheckpointError extends ZimError {
  /** The checkpoint's key. */
  readonly key: string;
  readonly reason: CheckpointErrorReason;
  /** True when the items may have taken effect (`interrupted`, or a restored failure that may have). */
  readonly mayHaveCommitted: boolean;
  /** For `restored`: the name of the original error (`ZimApiError`, ...). */
  readonly originalName: string | undefined;
  /** For `restored`: the original error's `code`, when it had one. */
  readonly code: number | undefined;

  constructor(
    message: string,
    init: {
      key: string;
      reason: CheckpointErrorReason;
      action?: string | undefined;
      mayHaveCommitted?: boolean;
      originalName?: string | undefined;
      code?: number | undefined;
      cause?: unknown;
    },
  ) {
    super(message, { action: init.action, cause: init.cause });
    this.key = init.key;
    this.reason = init.reason;
    this.mayHaveCommitted = init.mayHaveCommitted ?? false;
    this.originalName = init.originalName;
    this.code = init.code;
  }

  override get name(): string {
    return 'ZimCheckpointError';
  }
}
