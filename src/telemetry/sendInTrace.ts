import type { ZimCall } from '../core/Call.js';
import type { RawResponse } from '../core/RawResponse.js';
import type { AttemptTrace } from './AttemptTrace.js';

/**
 * Sends one attempt through the door: inside its CLIENT span's context and with its trace headers
 * when telemetry traces it, else as is (nothing added, nothing spent).
 * @internal
 */
export function sendInTrace(
  call: ZimCall,
  signal: AbortSignal,
  timeoutMs: number,
  trace: AttemptTrace | undefined,
): Promise<RawResponse> {
  if (trace === undefined) return call.send(call.signed, signal, timeoutMs);
  return trace.run(() => call.send(call.signed, signal, timeoutMs, trace.headers));
}
