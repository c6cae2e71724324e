import type { Interceptor } from '../core/Interceptor.js';
import type { StepName } from './StepName.js';

/**
 * A built-in remedy: an interceptor that says which named step it is, so that the chain's order
 * can be checked by name.
 * @public
 */
export type Remedy = Interceptor & { readonly step: StepName };

/**
 * Tags an interceptor with its step name.
 * @internal
 */
export function remedy(step: StepName, interceptor: Interceptor): Remedy {
  return Object.assign(interceptor, { step });
}
