import type { ZimCall } from '../core/Call.js';
import type { GiveUpReason } from '../core/GiveUpReason.js';

/** Why a call was given up, as its error says it (never a secret). */
export function giveUpWording(reason: GiveUpReason | undefined, call: ZimCall): string | undefined {
  switch (reason) {
    case 'max-attempts':
      return 'retries spent: retry.maxAttempts reached';
    case 'deadline':
      return 'retry.deadlineMs passed';
    case 'budget':
      return 'the retry budget is spent: too many failures across calls';
    case 'max-requeues':
      return `still rate-limited after ${call.state.requeues} requeue${call.state.requeues === 1 ? '' : 's'} (maxRequeues)`;
    case 're-signed':
      return 'refused again after a re-sign';
    default:
      return undefined;
  }
}
