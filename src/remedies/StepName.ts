/**
 * The named steps of the chain, outermost first: retry, throttle, sign, classify (then the
 * engine's send). A step of your own is placed `before` or `after` one of them.
 * @public
 */
export type StepName = 'retry' | 'throttle' | 'sign' | 'classify';

/**
 * The one order the four remedies keep, outermost first.
 * @internal
 */
export const STEP_ORDER: readonly StepName[] = Object.freeze(['retry', 'throttle', 'sign', 'classify']);
