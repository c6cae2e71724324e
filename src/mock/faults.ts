import type { ResolvedMockFaults } from './MockZimServerOptions.js';

/**
 * The faults that exclude each other, in the order their probabilities are stacked.
 *
 * @public
 */
export const EXCLUSIVE_FAULT_KINDS = [
  'busy',
  'gateway',
  'http503',
  'resetBeforeAnswer',
  'resetAfterCommit',
] as const;

/**
 * A fault that replaces the normal answer.
 *
 * @public
 */
export type ExclusiveFaultKind = (typeof EXCLUSIVE_FAULT_KINDS)[number];

/**
 * Every kind of injected fault, as counted in the stats.
 *
 * @public
 */
export type MockFaultKind = ExclusiveFaultKind | 'slow';

/** What the dice said for one arrival. */
export interface FaultDecision {
  readonly kind: ExclusiveFaultKind | undefined;
  readonly slow: boolean;
}

/** No fault. */
export const NO_FAULT: FaultDecision = Object.freeze({ kind: undefined, slow: false });

/**
 * Decides the faults of one admitted arrival. Every arrival of an action that faults apply
 * to draws exactly two numbers, whatever the probabilities, so the same seed and the same
 * sequence of calls always give the same faults (also after `setFaults`).
 */
export function decideFault(random: () => number, faults: ResolvedMockFaults, action: string): FaultDecision {
  if (faults.actions !== undefined && !faults.actions.includes(action)) return NO_FAULT;
  const roll = random();
  const slowRoll = random();
  let kind: ExclusiveFaultKind | undefined;
  let threshold = 0;
  for (const candidate of EXCLUSIVE_FAULT_KINDS) {
    threshold += faults[candidate];
    if (roll < threshold) {
      kind = candidate;
      break;
    }
  }
  const slow = slowRoll < faults.slow;
  return kind === undefined && !slow ? NO_FAULT : { kind, slow };
}
