import type { Interceptor } from '../core/Interceptor.js';
import type { StepName } from './StepName.js';

/**
 * A step of your own, placed by name, as in the AWS SDK's middleware stack: `before: 'sign'`
 * runs outside sign (it sees each attempt before it is signed, and its outcome after),
 * `after: 'classify'` runs inside classify (it sees the raw answer). Give exactly one of
 * `before` and `after`. Steps placed at the same spot run in the order given, outermost first.
 * @public
 */
export interface PlacedInterceptor {
  /** A name of your own, for error messages. */
  readonly name: string;
  readonly interceptor: Interceptor;
  readonly before?: StepName;
  readonly after?: StepName;
}
