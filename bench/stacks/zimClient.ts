import type { TelemetryOption, ZimAction } from '../../src/index.js';
import { pkg } from '../pkg.js';
import type { Stack, StackFactory, StackOptions } from './Stack.js';

function build(
  { target, action, limits, retry }: StackOptions,
  name: string,
  telemetry?: TelemetryOption,
): Stack {
  const client = pkg.createZimClient({
    appId: target.appId,
    serverSecret: target.serverSecret,
    baseUrl: target.url,
    ...(limits && { limits }),
    ...(retry && { retry }),
    ...(telemetry !== undefined && { telemetry }),
  });
  return {
    name,
    async call(params) {
      // The action is only known at run time: its parameters are checked by the server, not here.
      await client.call(action as ZimAction, params as never);
    },
    close: () => client.close(),
  };
}

/** Ours, new-code door: `createZimClient(...).call(action, params)`, telemetry as by default. */
export const zimClient: StackFactory = (options) => build(options, 'createZimClient');

/**
 * The same door with a `telemetry` option of its own (undefined: the default), named
 * `createZimClient, {label}`.
 */
export function zimClientWithTelemetry(telemetry: TelemetryOption | undefined, label: string): StackFactory {
  return (options) => build(options, `createZimClient, ${label}`, telemetry);
}
