import type { CallOptions } from './CallOptions.js';

/**
 * Every key of `CallOptions`, in one place: what `batch` and `paginate` accept besides their own
 * (an unknown key is a TypeError with "did you mean"). `priority` and `maxQueueWaitMs` belong to
 * the overload work on `CallOptions`.
 */
export const CALL_OPTION_KEYS: readonly string[] = [
  'signal',
  'idempotent',
  'method',
  'priority',
  'maxQueueWaitMs',
] satisfies readonly string[];

type Unlisted = Exclude<
  keyof CallOptions,
  'signal' | 'idempotent' | 'method' | 'priority' | 'maxQueueWaitMs'
>;
/** A compile error here when `CallOptions` gains a key the list above does not name. */
const complete: [Unlisted] extends [never] ? true : never = true;
void complete;
