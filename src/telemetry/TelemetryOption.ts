/**
 * What telemetry needs of an OpenTelemetry `TracerProvider` (structural: no import of the API's types).
 *
 * @public
 */
export interface TracerProviderLike {
  getTracer(name: string, version?: string): unknown;
}

/**
 * What telemetry needs of an OpenTelemetry `MeterProvider`.
 *
 * @public
 */
export interface MeterProviderLike {
  getMeter(name: string, version?: string): unknown;
}

/**
 * The `telemetry` option. `true` (the default): spans and metrics through the global OpenTelemetry
 * API when `@opentelemetry/api` is installed and an SDK is registered, else nothing. An object
 * names providers of its own (either one; the other is the global). `false`: none, whatever is registered.
 *
 * @public
 */
export type TelemetryOption =
  | boolean
  | {
      readonly tracerProvider?: TracerProviderLike;
      readonly meterProvider?: MeterProviderLike;
    };

/** The option resolved: `false`, or the providers given (undefined: the global one). */
export type ResolvedTelemetry =
  | false
  | {
      readonly tracerProvider: TracerProviderLike | undefined;
      readonly meterProvider: MeterProviderLike | undefined;
    };
