import { Agent, type Dispatcher } from 'undici';
import { BEFORE_FIRST_SEND, type HookedCallOptions } from '../api/beforeFirstSend.js';
import type { CallOptions } from '../api/CallOptions.js';
import type { ZimAnswer, ZimCallArgs } from '../api/ZimCall.js';
import type { ZimBody } from '../core/Outcome.js';
import type { RawResponse } from '../core/RawResponse.js';
import { type CallInit, createEngine, type RunResult } from '../engine/createEngine.js';
import { errorFromOutcome } from '../errors/errorFromOutcome.js';
import { ZIM_ACTIONS, type ZimAction } from '../generated/actions.js';
import { appendQuery } from '../http/appendQuery.js';
import { signedQuery } from '../http/signedQuery.js';
import type { Batch } from '../jobs/Batch.js';
import type { Paginate } from '../jobs/Paginate.js';
import { withJobs } from '../jobs/withJobs.js';
import { assertKnownAction } from '../limits/assertKnownAction.js';
import { type ResolvedOptions, resolveOptions } from '../options/resolveOptions.js';
import type { ZimResilienceOptions } from '../options/ZimResilienceOptions.js';
import type { SignedParams } from '../sign/signRequest.js';
import type { ClientDoor } from './ClientDoor.js';
import { fetchDoor } from './fetchDoor.js';
import { undiciDoor } from './undiciDoor.js';
import { undiciIsReal } from './undiciIsReal.js';

/**
 * Options of `createZimClient`: the shared ones, with the credentials required.
 *
 * @public
 */
export interface ZimClientOptions<C extends string = never> extends ZimResilienceOptions<C> {
  readonly appId: number;
  readonly serverSecret: string | (() => string | Promise<string>);
  /** The undici dispatcher to send through (yours is not closed by `close()`). @default a keep-alive Agent of the client's own */
  readonly dispatcher?: Dispatcher;
  /**
   * Sends through this `fetch` instead of undici (the global one, or a wrapper of it): every remedy
   * and guarantee stays. Not with `dispatcher`. @default undici; the global `fetch` on a runtime
   * whose `undici` is not the real one (Bun)
   */
  readonly fetch?: typeof fetch;
}

/**
 * A ready ZIM server API client. `C`: the names of its `customActions`.
 *
 * @public
 */
export interface ZimClient<C extends string = never> {
  /**
   * Calls `action` with `params` and resolves with the body of a `Code: 0` answer (batch actions
   * may carry a per-item `ErrorList`). Parameters and answer are typed from the official API
   * documents (`ZimApi`); an action of `customActions` takes any parameters and answers a `ZimBody`.
   * Rejects with `ZimApiError`, `ZimHttpError`, `ZimTransportError`, `ZimQuotaError`,
   * `ZimClosedError`, or the signal's reason; an unknown action is a `TypeError` ("did you mean
   * ...?") before anything is sent.
   */
  call<A extends ZimAction | C>(action: A, ...args: ZimCallArgs<A, CallOptions>): Promise<ZimAnswer<A>>;
  /** Settles every queued call (rejected with `ZimClosedError`), frees timers and sockets. */
  close(): Promise<void>;
  /** Every item of every page of a paged action, through `call` (docs/jobs.md); `.iterator` yields page by page. */
  readonly paginate: Paginate;
  /** A batch action's list split at its documented maximum, sent through `call`, merged into one answer (docs/jobs.md). */
  readonly batch: Batch;
}

/**
 * Creates a client. Options are checked now: a wrong one is a `TypeError` that names it.
 * `C` is inferred from `customActions`.
 *
 * @public
 */
export function createZimClient<const C extends string = never>(options: ZimClientOptions<C>): ZimClient<C> {
  const resolved = resolveOptions(options, ['dispatcher', 'fetch']);
  if (resolved.appId === undefined)
    throw new TypeError('expected appId to be a positive integer, got undefined');
  const door = doorOf(options, resolved);
  const engine = createEngine(resolved);
  const call = (action: string, params: Readonly<Record<string, unknown>>, options: CallOptions) => {
    const method = options.method ?? ZIM_ACTIONS[action as keyof typeof ZIM_ACTIONS]?.method ?? 'POST';
    return engine.run(new ClientCall(door, action, params, method, options), bodyOf);
  };

  const client = {
    call(action: string, params: unknown = {}, callOptions: CallOptions = NO_OPTIONS) {
      if (typeof action !== 'string' || !/^\w+$/.test(action)) {
        return Promise.reject(
          new TypeError(
            `expected action to be a ZIM action name, got ${typeof action === 'number' ? String(action) : JSON.stringify(action)}`,
          ),
        );
      }
      try {
        assertKnownAction('action', action, resolved.customActions);
      } catch (error) {
        return Promise.reject(error);
      }
      if (typeof params !== 'object' || params === null || Array.isArray(params)) {
        return Promise.reject(
          new TypeError(`expected params to be an object, got ${JSON.stringify(params)}`),
        );
      }
      try {
        return call(action, params as Readonly<Record<string, unknown>>, callOptions) as Promise<never>;
      } catch (error) {
        return Promise.reject(error); // params that cannot be serialized: before any slot is taken
      }
    },
    async close() {
      await engine.close();
      await door.close();
    },
  };
  return withJobs(client, {
    maxAttempts: resolved.retry.maxAttempts,
    catalog: resolved.catalog,
    idempotent: resolved.idempotent,
    appId: resolved.appId,
    redis: resolved.redis,
    clock: resolved.clock,
  });
}

/**
 * One call of the client, as the engine gets it: its parameters and its way of sending an attempt,
 * in one object (a queued call holds this and the engine's waiter, nothing more). The URL and
 * body are built when the call is made, so that params that cannot be serialized (circular, a
 * BigInt in JSON) are a `TypeError` at once, before the call takes a slot.
 */
class ClientCall implements CallInit {
  /** Whether the door bounds each attempt itself (undici's: one timer, no AbortController) or the engine does. */
  readonly appliesTimeout: boolean;
  readonly signal: AbortSignal | undefined;
  readonly idempotent: boolean | undefined;
  readonly beforeFirstSend: (() => Promise<void>) | undefined;
  /** The GET query (`&Key=v...`, or ''), or the POST body: built now, the URL at each attempt. */
  readonly #query: string;
  readonly #body: string | undefined;
  constructor(
    readonly door: ClientDoor,
    readonly action: string,
    readonly params: Readonly<Record<string, unknown>>,
    readonly method: string,
    options: CallOptions,
  ) {
    this.appliesTimeout = door.appliesTimeout;
    this.signal = options.signal;
    this.idempotent = options.idempotent;
    this.beforeFirstSend = (options as HookedCallOptions)[BEFORE_FIRST_SEND];
    let query = '';
    try {
      if (method === 'GET') {
        const search = new URLSearchParams();
        appendQuery(search, params);
        if (search.size > 0) query = `&${search}`;
      } else this.#body = JSON.stringify(params);
    } catch (error) {
      throw new TypeError(`expected params to be JSON-serializable: ${(error as Error).message}`, {
        cause: error,
      });
    }
    this.#query = query;
  }

  /** For events and telemetry: the URL of every attempt without its signed parameters. */
  get url(): string {
    return `${this.door.base}?Action=${this.action}${this.#query}`;
  }

  send(signed: SignedParams | undefined, signal: AbortSignal, timeoutMs: number): Promise<RawResponse> {
    const query = `?Action=${this.action}${this.#query}`; // action is \w+: nothing to escape
    return this.door.send(
      signed ? query + signedQuery(signed) : query,
      this.method,
      this.#body,
      signal,
      timeoutMs,
    );
  }
}

/**
 * The door of a client: the dispatcher given, the `fetch` given, else an undici Agent of its own,
 * or the global `fetch` on a runtime whose `undici` is not the real one (Bun).
 */
function doorOf(
  options: Pick<ZimClientOptions, 'dispatcher' | 'fetch'>,
  resolved: ResolvedOptions,
): ClientDoor {
  const { baseUrl, maxBodyBytes, clock } = resolved;
  const { dispatcher, fetch: fetchImpl } = options;
  if (dispatcher !== undefined && fetchImpl !== undefined)
    throw new TypeError('expected dispatcher or fetch, got both');
  if (fetchImpl !== undefined) {
    if (typeof fetchImpl !== 'function')
      throw new TypeError(`expected fetch to be a function, got ${typeof fetchImpl}`);
    return fetchDoor(fetchImpl, baseUrl, maxBodyBytes);
  }
  const real = undiciIsReal();
  if (dispatcher !== undefined) {
    if (typeof dispatcher?.dispatch !== 'function' || typeof dispatcher.request !== 'function') {
      const hint = real
        ? ''
        : " (this runtime's undici is not the real one: leave dispatcher out, or give fetch)";
      throw new TypeError(
        `expected dispatcher to be an undici Dispatcher, got ${dispatcher === null ? 'null' : typeof dispatcher}${hint}`,
      );
    }
    return undiciDoor(dispatcher, false, baseUrl, maxBodyBytes, clock);
  }
  if (!real) return fetchDoor(globalThis.fetch, baseUrl, maxBodyBytes);
  return undiciDoor(new Agent({ keepAliveTimeout: 10_000 }), true, baseUrl, maxBodyBytes, clock);
}

/** The body of a `Code: 0` answer, or the typed error of a call given up on. */
function bodyOf({ outcome, call }: RunResult): ZimBody {
  if (outcome.category !== 'success') throw errorFromOutcome(outcome, call);
  return (outcome.body ?? JSON.parse(outcome.response?.text || '{}')) as ZimBody;
}
const NO_OPTIONS: CallOptions = Object.freeze({});
