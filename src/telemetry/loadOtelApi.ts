// a namespace import: a bundle's banner may declare its own `createRequire` (esbuild keeps import names)
import * as nodeModule from 'node:module';

/** The part of `@opentelemetry/api` telemetry uses (its own copy of the types: the API is an optional peer). */
export type OtelApi = typeof import('@opentelemetry/api');

/**
 * The module name, held in a variable so that bundlers (esbuild, webpack, Rollup) leave the
 * require to run time instead of failing to resolve an optional peer that is not installed.
 */
const OTEL_API = '@opentelemetry/api';

let loaded: OtelApi | null | undefined;

/**
 * `@opentelemetry/api`, an optional peer dependency, loaded once, synchronously, the first time a
 * client wants telemetry; `undefined` when it is not installed (telemetry is then off). Its copy
 * (CommonJS) and the application's (ESM or CommonJS) share the registered SDK through the API's
 * global, so either registration is seen.
 */
export function loadOtelApi(
  requireApi: () => unknown = () => nodeModule.createRequire(import.meta.url)(OTEL_API),
): OtelApi | undefined {
  if (loaded === undefined) {
    try {
      const api = requireApi() as OtelApi;
      loaded = typeof api?.trace?.getTracerProvider === 'function' ? api : null;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}

/** Where every copy of the API 1.x keeps what was registered (`registerGlobal` in the API). */
const GLOBAL = Symbol.for('opentelemetry.js.api.1');

type Registered = { trace?: unknown; metrics?: unknown; propagation?: unknown } | undefined;

/**
 * Whether an SDK registered a global tracer provider or meter provider: one property read, so a
 * client can check it per call and spend nothing while none is.
 */
export function sdkRegistered(): boolean {
  const registered = (globalThis as Record<symbol, Registered>)[GLOBAL];
  return registered !== undefined && (registered.trace !== undefined || registered.metrics !== undefined);
}

/** Whether a propagator was registered (`propagation.setGlobalPropagator`, an SDK's default): one property read. */
export function propagatorRegistered(): boolean {
  return (globalThis as Record<symbol, Registered>)[GLOBAL]?.propagation !== undefined;
}
