import type { Category } from '../codes/Category.js';
import { isZimError, ZimError } from './ZimError.js';

/**
 * The server answered with a non-zero `Code` that the client gave up on.
 *
 * @public
 */
export class ZimApiError extends ZimError {
  /** The ZIM return code. */
  readonly code: number;
  /** Its category: why the client gave up. */
  readonly category: Category;
  /** The server's `RequestId`, for ZEGO support. */
  readonly requestId: string | undefined;
  /** The server's `Message`. */
  readonly serverMessage: string | undefined;

  constructor(init: {
    code: number;
    category: Category;
    action: string;
    attempts: number;
    requestId?: string | undefined;
    serverMessage?: string | undefined;
    /** Why it was given up (retries spent, deadline, budget, requeues). */
    reason?: string | undefined;
  }) {
    const req = init.requestId ? ` (RequestId ${init.requestId})` : '';
    const msg = init.serverMessage ? `: ${init.serverMessage}` : '';
    super(
      `${init.action} failed with ZIM code ${init.code} (${init.category}) after ${init.attempts} attempt${init.attempts === 1 ? '' : 's'}${init.reason ? ` (${init.reason})` : ''}${msg}${req}`,
      init,
    );
    this.code = init.code;
    this.category = init.category;
    this.requestId = init.requestId;
    this.serverMessage = init.serverMessage;
  }

  override get name(): string {
    return 'ZimApiError';
  }
}

/**
 * True for a `ZimApiError`, even from a second copy of this package.
 *
 * @public
 */
export function isZimApiError(error: unknown): error is ZimApiError {
  return isZimError(error) && error.name === 'ZimApiError';
}
