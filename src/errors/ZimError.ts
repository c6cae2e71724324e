const brand = Symbol.for('zim-resilience.error');

/**
 * The base of every error this package throws.
 *
 * @public
 */
export class ZimError extends Error {
  /** The ZIM action of the call, when there was one. */
  readonly action: string | undefined;
  /** Attempts sent before giving up (0 when none was sent). */
  readonly attempts: number;

  constructor(
    message: string,
    options: { action?: string | undefined; attempts?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.action = options.action;
    this.attempts = options.attempts ?? 0;
    Object.defineProperty(this, brand, { value: true });
  }

  override get name(): string {
    return 'ZimError';
  }
}

/**
 * True for any error of this package, even from a second copy of it in `node_modules`.
 *
 * @public
 */
export function isZimError(error: unknown): error is ZimError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
}
