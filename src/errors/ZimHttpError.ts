import type { Category } from '../codes/Category.js';
import { ZimError } from './ZimError.js';

/**
 * The server (or a proxy before it) answered without the expected JSON: a bad HTTP status or an unreadable body.
 *
 * @public
 */
export class ZimHttpError extends ZimError {
  /** The HTTP status. */
  readonly status: number;
  /** Its category: why the client gave up. */
  readonly category: Category;
  /**
   * True when a 2xx answer came that was not ZIM JSON: the server (or whatever answered for it)
   * read the request and may have acted on it. Such a call of an action that is not idempotent is
   * never sent again.
   */
  readonly mayHaveCommitted: boolean;
  /** The first bytes of a 2xx body that was not ZIM JSON (at most 200 characters), else undefined. */
  readonly bodyPreview: string | undefined;

  constructor(init: {
    status: number;
    category: Category;
    action: string;
    attempts: number;
    detail?: string;
    /** Why it was given up (retries spent, deadline, budget). */
    reason?: string | undefined;
    mayHaveCommitted?: boolean | undefined;
    bodyPreview?: string | undefined;
  }) {
    const preview = init.bodyPreview === undefined ? '' : `: ${JSON.stringify(init.bodyPreview)}`;
    const detail = init.detail ? ` (${init.detail}${preview})` : '';
    super(
      `${init.action} failed with HTTP ${init.status}${detail} (${init.category}) after ${init.attempts} attempt${init.attempts === 1 ? '' : 's'}${init.reason ? ` (${init.reason})` : ''}`,
      init,
    );
    this.status = init.status;
    this.category = init.category;
    this.mayHaveCommitted = init.mayHaveCommitted ?? false;
    this.bodyPreview = init.bodyPreview;
  }

  override get name(): string {
    return 'ZimHttpError';
  }
}
