import type { ZimCall } from '../core/Call.js';
import type { RejectedEvent } from './ZimEvents.js';

/** The `rejected` event of a call whose promise rejects with `error` (its name only: never its message). */
export function rejectedOf(action: string, call: ZimCall | undefined, error: unknown): RejectedEvent {
  const name = error instanceof Error ? error.name : typeof error;
  return { action, attempts: call?.state.attempts ?? 0, error: name };
}
