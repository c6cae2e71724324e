import type { ZimCall } from '../core/Call.js';
import type { Clock } from '../core/Clock.js';
import type { Outcome } from '../core/Outcome.js';
import { reasonOf } from '../core/reasonOf.js';
import type { EventSink } from '../events/EventSink.js';

/**
 * The `settled` event of a call, and `giveUp` for one given up (with the `giveUp` fact its
 * outcome carries).
 * @internal
 */
export function emitSettled(events: EventSink, clock: Clock, call: ZimCall, outcome: Outcome): void {
  const settled = events.wants('settled');
  const gaveUp = outcome.category !== 'success' && events.wants('giveUp');
  if (!settled && !gaveUp) return;
  const { state } = call;
  const reason = outcome.category === 'success' ? undefined : reasonOf(outcome);
  if (settled) {
    events.emit(
      'settled',
      {
        action: call.action,
        attempts: state.attempts,
        category: outcome.category,
        reason,
        durationMs: clock.now() - state.startedAt,
      },
      call,
    );
  }
  if (gaveUp && reason !== undefined) {
    events.emit(
      'giveUp',
      {
        action: call.action,
        attempts: state.attempts,
        category: outcome.category,
        reason,
        giveUp: outcome.giveUp,
      },
      call,
    );
  }
}
