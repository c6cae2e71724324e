import type { RawResponse } from '../core/RawResponse.js';

/** How one client sends its attempts: through undici (`undiciDoor`) or through `fetch` (`fetchDoor`). */
export interface ClientDoor {
  /** Whether `send` bounds the whole attempt (headers and body) by the attempt timeout itself; else the engine does. */
  readonly appliesTimeout: boolean;
  /** The base URL every attempt goes to (before its `?Action=...`), for events and telemetry. */
  readonly base: string;
  /**
   * Sends one attempt to the base URL with `query` (`?Action=...`, signed) appended: `body` is the
   * POST body (JSON), undefined for a GET; `headers` the attempt's trace context, when traced.
   * Resolves with the answer, its body read up to `maxBodyBytes`.
   */
  send(
    query: string,
    method: string,
    body: string | undefined,
    signal: AbortSignal,
    timeoutMs: number,
    headers?: Readonly<Record<string, string>>,
  ): Promise<RawResponse>;
  /** Frees what the door owns (the client's own Agent). */
  close(): Promise<void>;
}
