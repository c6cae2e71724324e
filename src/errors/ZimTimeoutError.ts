import { ZimError } from './ZimError.js';

/** The call's total deadline (`retry.deadlineMs`) passed before it could complete. */
export class ZimTimeoutError extends ZimError {
  constructor(init: { action: string; attempts: number; deadlineMs: number; cause?: unknown }) {
    super(
      `${init.action} did not complete within its deadline of ${init.deadlineMs} ms (${init.attempts} attempts)`,
      init,
    );
  }

  override get name(): string {
    return 'ZimTimeoutError';
  }
}
