import type { Category } from '../codes/Category.js';
import { ZimError } from './ZimError.js';

/** The server (or a proxy before it) answered without the expected JSON: a bad HTTP status or an unreadable body. */
export class ZimHttpError extends ZimError {
  /** The HTTP status. */
  readonly status: number;
  /** Its category: why the client gave up. */
  readonly category: Category;

  constructor(init: {
    status: number;
    category: Category;
    action: string;
    attempts: number;
    detail?: string;
    /** Why it was given up (retries spent, deadline, budget). */
    reason?: string | undefined;
  }) {
    super(
      `${init.action} failed with HTTP ${init.status}${init.detail ? ` (${init.detail})` : ''} (${init.category}) after ${init.attempts} attempt${init.attempts === 1 ? '' : 's'}${init.reason ? ` (${init.reason})` : ''}`,
      init,
    );
    this.status = init.status;
    this.category = init.category;
  }

  override get name(): string {
    return 'ZimHttpError';
  }
}
