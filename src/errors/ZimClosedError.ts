import { ZimError } from './ZimError.js';

/** The client was closed while the call was queued, waiting or in flight. */
export class ZimClosedError extends ZimError {
  constructor(action?: string) {
    super(action ? `${action} was not completed: the client was closed` : 'the client was closed', {
      action,
    });
  }

  override get name(): string {
    return 'ZimClosedError';
  }
}
