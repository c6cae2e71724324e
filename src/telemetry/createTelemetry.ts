import type { Clock } from '../core/Clock.js';
import type { EventConsumer } from '../events/EventConsumer.js';
import { loadOtelApi } from './loadOtelApi.js';
import { Telemetry } from './Telemetry.js';
import type { ResolvedTelemetry } from './TelemetryOption.js';

/**
 * The engine's telemetry, a reader of its events: none when the option is `false` or
 * `@opentelemetry/api` is not installed (then no event is built for it).
 */
export function createTelemetry(option: ResolvedTelemetry, clock: Clock): EventConsumer | undefined {
  if (option === false) return undefined;
  const api = loadOtelApi();
  return api ? new Telemetry(api, option, clock) : undefined;
}
