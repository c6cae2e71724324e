import type { ZimCall } from '../../src/core/Call.js';
import type { CallHandler } from '../../src/core/Interceptor.js';
import type { Outcome } from '../../src/core/Outcome.js';
import { CallRecord } from '../../src/engine/CallRecord.js';

/** A call as the engine makes it, for driving one remedy alone (no server, no door). */
export function fakeCall(overrides: Partial<ZimCall> = {}): ZimCall {
  return {
    action: 'QueryUserInfos',
    scopeKey: undefined,
    weight: 1,
    idempotent: true,
    signal: new AbortController().signal,
    state: new CallRecord(0),
    send: async () => {
      throw new Error('a remedy alone never sends');
    },
    appliesTimeout: false,
    ...overrides,
  };
}

/**
 * A fake `next`: answers each attempt from `outcomes` (the last one repeated), counts the attempt
 * in the call's record as the engine's send would, and keeps every call it was given.
 */
export function fakeNext(outcomes: (Outcome | Error)[]) {
  const calls: ZimCall[] = [];
  let i = 0;
  const next: CallHandler = async (call) => {
    calls.push(call);
    const state = call.state as CallRecord;
    state.attempts++;
    state.firstSentAt ??= 0;
    const outcome = outcomes[Math.min(i++, outcomes.length - 1)]!;
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return { next, calls };
}

export const busy: Outcome = Object.freeze({ category: 'retryable', code: 1 });
export const ok: Outcome = Object.freeze({ category: 'success', code: 0 });
export const tooFrequent: Outcome = Object.freeze({ category: 'rate-limited', code: 660700001 });
