import type { AttemptTrace } from '../telemetry/AttemptTrace.js';
import type { ZimEvents } from './ZimEvents.js';

/**
 * An internal reader of the same events as the hooks (telemetry): one source, two outputs. It gets
 * each event with the call it is about (`source`: the door's call, or the chain's `ZimCall`; for
 * `start`, `origin` is the door's call the `ZimCall` was made from), never shown to hooks.
 */
export interface EventConsumer {
  /** Whether it listens for `name` now (false while nothing would be recorded: no SDK registered). */
  wants(name: keyof ZimEvents): boolean;
  take<K extends keyof ZimEvents>(name: K, event: ZimEvents[K], source?: object, origin?: object): void;
  /** The trace context the attempt of `call` is sent in (after its `attempt` event), if any. */
  attemptTrace?(call: object): AttemptTrace | undefined;
}
