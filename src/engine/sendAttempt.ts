import { classifyHttpStatus } from '../codes/classifyHttpStatus.js';
import type { Clock } from '../core/Clock.js';
import type { CallHandler } from '../core/Interceptor.js';
import type { Outcome } from '../core/Outcome.js';
import { onAbort } from '../core/onAbort.js';
import type { RawResponse } from '../core/RawResponse.js';
import type { EventSink } from '../events/EventSink.js';
import { sendInTrace } from '../telemetry/sendInTrace.js';
import { attemptTimer, settledBy } from './attemptTimer.js';
import type { CallRecord } from './CallRecord.js';

const toOutcome = (response: RawResponse): Outcome => ({
  category: classifyHttpStatus(response.status) ?? 'success',
  response,
});

/**
 * The end of the chain: sends one attempt through the door, the whole attempt (headers and body
 * together) bounded by the attempt timeout: one timer and one controller per attempt, aborted by
 * the call's signal too. The attempt ends at its timer whatever the door does (`attemptTimer`:
 * the rule of every door; a door that `appliesTimeout` keeps it itself). It alone writes the
 * call's record (`call.state`: attempts, in flight).
 * @internal
 */
export function sendAttempt(clock: Clock, timeoutMs: number, events: EventSink): CallHandler {
  return async (call) => {
    const { signal } = call;
    const state = call.state as CallRecord;
    signal.throwIfAborted();
    state.attempts++;
    state.firstSentAt ??= clock.now();
    if (events.wants('attempt')) {
      events.emit(
        'attempt',
        {
          action: call.action,
          scopeKey: call.scopeKey,
          attempt: state.attempts,
        },
        call,
      );
    }
    const trace = events.attemptTrace(call); // its CLIENT span's context, when traced
    state.inFlight = true;
    if (call.appliesTimeout) {
      try {
        return toOutcome(await sendInTrace(call, signal, timeoutMs, trace));
      } finally {
        if (!signal.aborted) state.inFlight = false;
      }
    }
    const attempt = new AbortController();
    const unlisten = onAbort(signal, () => attempt.abort(signal.reason));
    const timer = attemptTimer(clock, timeoutMs, (reason) => attempt.abort(reason));
    try {
      return toOutcome(await settledBy(sendInTrace(call, attempt.signal, timeoutMs, trace), attempt.signal));
    } catch (error) {
      throw attempt.signal.aborted && !signal.aborted ? attempt.signal.reason : error;
    } finally {
      if (!signal.aborted) state.inFlight = false; // aborted or closed mid-attempt: it stays on record
      if (timer !== undefined) clock.clearTimeout(timer);
      unlisten();
    }
  };
}
