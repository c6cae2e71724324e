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
  /** What telemetry keeps of this call (a field, not a WeakMap entry: no ephemeron for the GC to trace); the engine never reads it. */
  trace: unknown = undefined;
  constructor(readonly startedAt: number) {}
}
