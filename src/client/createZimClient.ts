import { Agent, type Dispatcher, request } from 'undici';
import type { SendAttempt } from '../core/Call.js';
import type { ZimBody } from '../core/Outcome.js';
import type { RawResponse } from '../core/RawResponse.js';
import { createEngine } from '../engine/createEngine.js';
import { errorFromOutcome } from '../errors/errorFromOutcome.js';
import { appendQuery } from '../http/appendQuery.js';
import { readBounded } from '../http/readBounded.js';
import { setSignedParams } from '../http/setSignedParams.js';
import { ZIM_ACTIONS } from '../limits/actions.js';
import { resolveOptions } from '../options/resolveOptions.js';
import type { ZimResilienceOptions } from '../options/ZimResilienceOptions.js';

/** Options of `createZimClient`: the shared ones, with the credentials required. */
export interface ZimClientOptions extends ZimResilienceOptions {
  readonly appId: number;
  readonly serverSecret: string | (() => string | Promise<string>);
  /** The undici dispatcher to send through (yours is not closed by `close()`). @default a keep-alive Agent of the client's own */
  readonly dispatcher?: Dispatcher;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call: queue waits, backoff sleeps and the attempt in flight. */
  readonly signal?: AbortSignal;
  /** Whether this call may be sent twice (overrides the action's setting). */
  readonly idempotent?: boolean;
  /** The HTTP method, for an action the package does not know. @default the documented method, else POST */
  readonly method?: 'GET' | 'POST';
}

/** A ready ZIM server API client. */
export interface ZimClient {
  /**
   * Calls `action` with `params` and resolves with the body of a `Code: 0` answer (batch actions
   * may carry a per-item `ErrorList`). Rejects with `ZimApiError`, `ZimHttpError`,
   * `ZimTransportError`, `ZimQuotaError`, `ZimClosedError`, or the signal's reason.
   */
  call<T extends Record<string, unknown> = Record<string, unknown>>(
    action: string,
    params?: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<ZimBody & T>;
  /** Settles every queued call (rejected with `ZimClosedError`), frees timers and sockets. */
  close(): Promise<void>;
}

/** Creates a client. Options are checked now: a wrong one is a `TypeError` that names it. */
export function createZimClient(options: ZimClientOptions): ZimClient {
  const resolved = resolveOptions(options, ['dispatcher']);
  if (resolved.appId === undefined)
    throw new TypeError('expected appId to be a positive integer, got undefined');
  const ownAgent = options.dispatcher ? undefined : new Agent({ keepAliveTimeout: 10_000 });
  const dispatcher = options.dispatcher ?? ownAgent!;
  if (typeof dispatcher.dispatch !== 'function') {
    throw new TypeError(`expected dispatcher to be an undici Dispatcher, got ${typeof dispatcher}`);
  }
  const engine = createEngine(resolved);
  const base = new URL(resolved.baseUrl);
  const { maxBodyBytes } = resolved;

  return {
    async call(action, params = {}, callOptions = {}) {
      if (typeof action !== 'string' || !/^\w+$/.test(action)) {
        throw new TypeError(`expected action to be a ZIM action name, got ${JSON.stringify(action)}`);
      }
      if (typeof params !== 'object' || params === null || Array.isArray(params)) {
        throw new TypeError(`expected params to be an object, got ${JSON.stringify(params)}`);
      }
      const method = callOptions.method ?? ZIM_ACTIONS[action as keyof typeof ZIM_ACTIONS]?.method ?? 'POST';
      const json = method === 'POST' ? JSON.stringify(params) : undefined;
      const send: SendAttempt = async (signed, signal) => {
        const url = new URL(base);
        url.searchParams.set('Action', action);
        if (signed) setSignedParams(url.searchParams, signed);
        if (method === 'GET') appendQuery(url.searchParams, params);
        const res = await request(url, {
          method,
          dispatcher,
          signal,
          ...(json !== undefined && { body: json, headers: { 'content-type': 'application/json' } }),
        });
        const { text, truncated } = await readBounded(res.body, maxBodyBytes);
        if (truncated) res.body.destroy();
        return {
          status: res.statusCode,
          header: (name) => {
            const v = res.headers[name];
            return Array.isArray(v) ? v.join(', ') : v;
          },
          text,
          truncated,
        } satisfies RawResponse;
      };
      const { outcome, call } = await engine.run({
        action,
        params,
        signal: callOptions.signal,
        idempotent: callOptions.idempotent,
        send,
      });
      if (outcome.category === 'success' && outcome.body) return outcome.body as ZimBody & never;
      if (outcome.category === 'success') {
        return JSON.parse(outcome.response?.text ?? '{}');
      }
      throw errorFromOutcome(outcome, call);
    },
    async close() {
      await engine.close();
      if (ownAgent) await ownAgent.destroy();
    },
  };
}
