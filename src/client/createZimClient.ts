import type { Dispatcher } from 'undici';
import { BEFORE_FIRST_SEND, type HookedCallOptions } from '../api/beforeFirstSend.js';
import type { CallOptions } from '../api/CallOptions.js';
import { checkCallOptions } from '../api/checkCallOptions.js';
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
import { checkMaxConnections, clientAgent } from './clientAgent.js';
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
  /**
   * The most sockets the client's own Agent opens to the server at once; calls beyond it wait in
   * undici's queue for a free one (that wait counts in `retry.attemptTimeoutMs`; a call that times
   * out there was not sent). `Infinity`: no cap. Not with `dispatcher` (yours keeps its own
   * settings: set its `connections`) nor `fetch`. @default 128
   */
  readonly maxConnections?: number;
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
  const resolved = resolveOptions(options, ['dispatcher', 'fetch', 'maxConnections']);
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
        if (callOptions !== NO_OPTIONS) checkCallOptions(callOptions);
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
  /** The call's options (kept whole: one field for signal, idempotent, priority and the bound). */
  readonly #options: CallOptions;
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
    this.#options = options;
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

  get signal(): AbortSignal | undefined {
    return this.#options.signal;
  }
  get idempotent(): boolean | undefined {
    return this.#options.idempotent;
  }
  get priority(): number | undefined {
    return this.#options.priority;
  }
  get maxQueueWaitMs(): number | undefined {
    return this.#options.maxQueueWaitMs;
  }
  /** A job's hook, awaited before the first attempt is sent (a checkpoint records the chunk as sent). */
  get beforeFirstSend(): (() => Promise<void>) | undefined {
    return (this.#options as HookedCallOptions)[BEFORE_FIRST_SEND];
  }
  /** The client's caller gets `ZimAbortedError` for an abort of its signal. */
  get typedAbort(): boolean {
    return true;
  }

  /** For events and telemetry: the URL of every attempt without its signed parameters. */
  get url(): string {
    return `${this.door.base}?Action=${this.action}${this.#query}`;
  }

  send(
    signed: SignedParams | undefined,
    signal: AbortSignal,
    timeoutMs: number,
    headers?: Readonly<Record<string, string>>,
  ): Promise<RawResponse> {
    const query = `?Action=${this.action}${this.#query}`; // action is \w+: nothing to escape
    return this.door.send(
      signed ? query + signedQuery(signed) : query,
      this.method,
      this.#body,
      signal,
      timeoutMs,
      headers,
    );
  }
}

/**
 * The door of a client: the dispatcher given, the `fetch` given, else an undici Agent of its own,
 * or the global `fetch` on a runtime whose `undici` is not the real one (Bun).
 */
function doorOf(
  options: Pick<ZimClientOptions, 'dispatcher' | 'fetch' | 'maxConnections'>,
  resolved: ResolvedOptions,
): ClientDoor {
  const { baseUrl, maxBodyBytes, clock } = resolved;
  const { dispatcher, fetch: fetchImpl } = options;
  if (dispatcher !== undefined && fetchImpl !== undefined)
    throw new TypeError('expected dispatcher or fetch, got both');
  const maxConnections = checkMaxConnections(
    options.maxConnections,
    dispatcher !== undefined ? 'dispatcher' : fetchImpl !== undefined ? 'fetch' : undefined,
  );
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
  return undiciDoor(clientAgent(maxConnections), true, baseUrl, maxBodyBytes, clock);
}

/** The body of a `Code: 0` answer, or the typed error of a call given up on. */
function bodyOf({ outcome, call }: RunResult): ZimBody {
  if (outcome.category !== 'success') throw errorFromOutcome(outcome, call);
  return (outcome.body ?? JSON.parse(outcome.response?.text || '{}')) as ZimBody;
}
const NO_OPTIONS: CallOptions = Object.freeze({});
