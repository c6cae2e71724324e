import type { ZimCall } from '../core/Call.js';
import { Deadline } from '../core/Deadline.js';
import type { EngineContext } from './EngineContext.js';

/**
 * The call's deadline, `retry.deadlineMs` after its first attempt was sent, made at the first
 * need (a retry or a requeue) and freed when the call ends. Undefined with no deadline.
 */
export function deadlineOf(call: ZimCall, ctx: EngineContext): Deadline | undefined {
  const { clock, retry } = ctx.options;
  if (!Number.isFinite(retry.deadlineMs)) return undefined;
  const { state } = call;
  if (!state.deadline) {
    const at = (state.firstSentAt ?? clock.now()) + retry.deadlineMs;
    state.deadline = new Deadline(at, retry.deadlineMs, clock, call.signal);
  }
  return state.deadline;
}
