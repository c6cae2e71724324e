import type { Context } from '@opentelemetry/api';
import type { OtelApi } from './loadOtelApi.js';

/**
 * One attempt's trace context: its CLIENT span's context, made active while the door sends it (so
 * a user's undici or http instrumentation nests under the attempt), and the headers the registered
 * propagator writes for it (`traceparent`, `tracestate`), which the door adds to the request.
 * @internal
 */
export class AttemptTrace {
  constructor(
    readonly api: OtelApi,
    readonly context: Context,
    /** Undefined when the propagator wrote none (none registered, or nothing to propagate). */
    readonly headers: Readonly<Record<string, string>> | undefined,
  ) {}

  /** Runs `send` with the attempt's context active. */
  run<T>(send: () => T): T {
    return this.api.context.with(this.context, send);
  }
}
