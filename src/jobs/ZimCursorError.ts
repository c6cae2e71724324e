import { ZimError } from '../errors/ZimError.js';

/**
 * A walk stopped because the server sent a cursor it had already sent in this walk: following it
 * would fetch the same pages again without end. `pages` and `items` say how far the walk got.
 *
 * @public
 */
export class ZimCursorError extends ZimError {
  /** The cursor that came back (opaque, as the server sent it). */
  readonly cursor: string | number;
  /** Pages fetched before it, the one that repeated included. */
  readonly pages: number;

  constructor(init: { action: string; cursor: string | number; pages: number; field: string }) {
    super(
      `${init.action}: the server sent ${init.field} ${JSON.stringify(init.cursor)} a second time (after ${init.pages} page${init.pages === 1 ? '' : 's'}); the walk stops rather than fetch the same pages again`,
      { action: init.action, attempts: init.pages },
    );
    this.cursor = init.cursor;
    this.pages = init.pages;
  }

  override get name(): string {
    return 'ZimCursorError';
  }
}
