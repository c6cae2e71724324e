import type { Interceptor } from '../core/Interceptor.js';
import type { ZimResilienceOptions } from '../options/ZimResilienceOptions.js';
import { ORDER_REASONS, REQUIRED_REASONS } from './orderReasons.js';
import type { PlacedInterceptor } from './PlacedInterceptor.js';
import type { Remedy } from './Remedy.js';
import { STEP_ORDER, type StepName } from './StepName.js';

/**
 * The four remedies of one engine, by step.
 * @internal
 */
export type Remedies = Readonly<Record<StepName, Remedy>>;

/**
 * The checked chain.
 * @internal
 */
export interface Chain {
  readonly interceptors: readonly Interceptor[];
  /** The remedies in it, by name. */
  readonly steps: ReadonlySet<StepName>;
}

const ALL: ReadonlySet<StepName> = new Set(STEP_ORDER);

/**
 * The chain the `interceptors` option asks for, checked: the four remedies in their order
 * (`retry`, `throttle`, `sign`, `classify`, outermost first), `retry` and `throttle` optional,
 * steps of your own anywhere. An order or subset that would break a promise is a `TypeError`
 * saying which promise.
 * @internal
 */
export function orderChain(remedies: Remedies, option: ZimResilienceOptions['interceptors']): Chain {
  if (option === undefined) return { interceptors: STEP_ORDER.map((s) => remedies[s]), steps: ALL };
  if (typeof option === 'function') return checked(remedies, option(remedies));
  return placed(remedies, option);
}

/** The chain a `(defaults) => [...]` function returned, checked by the steps' names. */
function checked(remedies: Remedies, chain: unknown): Chain {
  if (!Array.isArray(chain))
    throw new TypeError(`expected interceptors() to return an array, got ${typeof chain}`);
  const seen: StepName[] = [];
  chain.forEach((interceptor: unknown, i) => {
    if (typeof interceptor !== 'function')
      throw new TypeError(
        `expected interceptors() to return functions (next) => handler, got ${typeof interceptor} at ${i}`,
      );
    const step = (interceptor as Partial<Remedy>).step;
    if (step === undefined || remedies[step] !== interceptor) return; // a step of the user's own
    if (seen.includes(step)) throw new TypeError(`interceptors: ${step} is in the chain twice`);
    seen.push(step);
  });
  for (const step of STEP_ORDER) {
    const why = REQUIRED_REASONS[step];
    if (why && !seen.includes(step))
      throw new TypeError(`interceptors: the chain leaves out ${step}, which it cannot: ${why}`);
  }
  for (let i = 0; i + 1 < seen.length; i++) {
    const outer = seen[i]!;
    const inner = seen[i + 1]!;
    if (STEP_ORDER.indexOf(outer) > STEP_ORDER.indexOf(inner)) {
      throw new TypeError(
        `interceptors: ${outer} is placed outside ${inner}, but ${inner} must be outside ${outer}: ${ORDER_REASONS[`${inner}>${outer}`]}`,
      );
    }
  }
  return { interceptors: chain as Interceptor[], steps: new Set(seen) };
}

/** The four remedies with the user's steps placed `before` or `after` them by name. */
function placed(remedies: Remedies, steps: readonly PlacedInterceptor[]): Chain {
  if (!Array.isArray(steps))
    throw new TypeError(
      `expected interceptors to be a function (defaults) => interceptor[] or an array of { name, interceptor, before | after }, got ${typeof steps}`,
    );
  const before = new Map<StepName, Interceptor[]>();
  const after = new Map<StepName, Interceptor[]>();
  steps.forEach((step: PlacedInterceptor, i) => {
    const label = typeof step?.name === 'string' ? `'${step.name}'` : `${i}`;
    if (typeof step !== 'object' || step === null || typeof step.interceptor !== 'function')
      throw new TypeError(`expected interceptors[${i}] to be { name, interceptor, before | after }`);
    const where = step.before !== undefined ? 'before' : 'after';
    const anchor = step.before ?? step.after;
    if ((step.before === undefined) === (step.after === undefined) || !ALL.has(anchor as StepName))
      throw new TypeError(
        `expected interceptors ${label} to give one of before and after, naming a step (${STEP_ORDER.join(', ')}), got ${String(step.before ?? step.after)}`,
      );
    const spot = where === 'before' ? before : after;
    const list = spot.get(anchor as StepName) ?? [];
    list.push(step.interceptor);
    spot.set(anchor as StepName, list);
  });
  const chain: Interceptor[] = [];
  for (const step of STEP_ORDER)
    chain.push(...(before.get(step) ?? []), remedies[step], ...(after.get(step) ?? []));
  return { interceptors: chain, steps: ALL };
}
