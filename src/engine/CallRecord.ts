import type { CallState } from '../core/Call.js';

/**
 * The engine's record of one call (`call.state`): written by its send step only, read by the
 * doors (attempts, in flight) and by the remedies as facts.
 * @internal
 */
export class CallRecord implements CallState {
  attempts = 0;
  firstSentAt: number | undefined = undefined;
  inFlight = false;
  constructor(readonly startedAt: number) {}
}
