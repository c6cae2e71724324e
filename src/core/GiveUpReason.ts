/**
 * Why a call was given up on, in the words its error uses:
 * - `max-attempts`: `retry.maxAttempts` attempts were spent;
 * - `deadline`: `retry.deadlineMs` passed (waits for a slot, backoff and requeue pauses count);
 * - `budget`: the client's retry budget was spent (too many failures across calls);
 * - `max-requeues`: still rate-limited after `maxRequeues` requeues;
 * - `re-signed`: the signature was refused again after one re-sign;
 * - `secret-refused`: the signature was refused as invalid (`100000005`) and `serverSecret` is a
 *   fixed string, so a re-sign would be refused too (no second attempt): check `serverSecret`.
 * A fatal answer, or a write that may have committed a non-idempotent call, has no reason here:
 * the error says that itself.
 * @public
 */
export type GiveUpReason =
  | 'max-attempts'
  | 'deadline'
  | 'budget'
  | 'max-requeues'
  | 're-signed'
  | 'secret-refused';
