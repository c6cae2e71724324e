import type { Outcome } from '../core/Outcome.js';

/**
 * Why a call was given up, as its error says it (never a secret), from the outcome's `giveUp` fact.
 * @internal
 */
export function giveUpWording(outcome: Outcome): string | undefined {
  switch (outcome.giveUp) {
    case 'max-attempts':
      return 'retries spent: retry.maxAttempts reached';
    case 'deadline':
      return 'retry.deadlineMs passed';
    case 'budget':
      return 'the retry budget is spent: too many failures across calls';
    case 'max-requeues': {
      const n = outcome.requeues ?? 0;
      return `still rate-limited after ${n} requeue${n === 1 ? '' : 's'} (maxRequeues)`;
    }
    case 're-signed':
      return 'refused again after a re-sign';
    case 'secret-refused':
      return 'not re-signed: serverSecret is a fixed string, so a new signature would be refused too; check that serverSecret is the ServerSecret of this AppId';
    default:
      return undefined;
  }
}
