import { EventEmitter } from 'node:events';
import { Agent, type Dispatcher } from 'undici';
import type { ZimAnswer, ZimCallArgs } from '../api/ZimCall.js';
import type { Clock } from '../core/Clock.js';
import type { ZimBody } from '../core/Outcome.js';
import { onAbort } from '../core/onAbort.js';
import type { RawResponse } from '../core/RawResponse.js';
import { type CallInit, createEngine, type RunResult } from '../engine/createEngine.js';
import { AttemptTimeoutError } from '../engine/sendInterceptor.js';
import { errorFromOutcome } from '../errors/errorFromOutcome.js';
import { ZIM_ACTIONS, type ZimAction } from '../generated/actions.js';
import { appendQuery } from '../http/appendQuery.js';
import { readBounded } from '../http/readBounded.js';
import { signedQuery } from '../http/signedQuery.js';
import type { Batch } from '../jobs/Batch.js';
import type { Paginate } from '../jobs/Paginate.js';
import { withJobs } from '../jobs/withJobs.js';
import { assertKnownAction } from '../limits/assertKnownAction.js';
import { resolveOptions } from '../options/resolveOptions.js';
import type { ZimResilienceOptions } from '../options/ZimResilienceOptions.js';
import type { SignedParams } from '../sign/signRequest.js';
import { answerText } from '../transport/answerText.js';

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
}

/**
 * Per-call options.
 *
 * @public
 */
export interface CallOptions {
  /** Aborts the call: queue waits, backoff sleeps and the attempt in flight. */
  readonly signal?: AbortSignal;
  /** Whether this call may be sent twice (overrides the action's setting). */
  readonly idempotent?: boolean;
  /** The HTTP method, for an action of `customActions`. @default the documented method, else POST */
  readonly method?: 'GET' | 'POST';
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
  const resolved = resolveOptions(options, ['dispatcher']);
  if (resolved.appId === undefined)
    throw new TypeError('expected appId to be a positive integer, got undefined');
  const ownAgent = options.dispatcher ? undefined : new Agent({ keepAliveTimeout: 10_000 });
  const dispatcher = options.dispatcher ?? ownAgent!;
  if (typeof dispatcher.dispatch !== 'function') {
    throw new TypeError(`expected dispatcher to be an undici Dispatcher, got ${typeof dispatcher}`);
  }
  const engine = createEngine(resolved);
  const base = resolved.baseUrl.href;
  const { maxBodyBytes } = resolved;

  const toRaw = async (res: Dispatcher.ResponseData<unknown>): Promise<RawResponse> => {
    const { headers } = res;
    const length = Number(headers['content-length']);
    const encoding = headers['content-encoding'];
    if (length <= maxBodyBytes && encoding === undefined) return answer(res, await res.body.text(), false);
    const read = await readBounded(res.body, maxBodyBytes);
    if (read.truncated) res.body.destroy();
    // a server may compress what it was not asked to: decoded (bounded again) before it is classified
    const { text, truncated } = await answerText(read.bytes, read.truncated, encoding, maxBodyBytes);
    return answer(res, text, truncated);
  };
  const answer = (res: Dispatcher.ResponseData<unknown>, text: string, truncated: boolean): RawResponse => {
    const { headers } = res;
    const header = (name: string) => {
      const v = headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    return { status: res.statusCode, header, text, truncated };
  };

  const { origin } = resolved.baseUrl;
  const door: ClientDoor = {
    origin,
    path: base.slice(origin.length),
    dispatcher,
    toRaw,
    clock: resolved.clock,
  };
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
      if (ownAgent) await ownAgent.destroy();
    },
  };
  return withJobs(client, resolved.retry.maxAttempts, resolved.catalog);
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** What every call of one client sends through. */
interface ClientDoor {
  readonly origin: string;
  /** The base URL's path, to which each call appends its query. */
  readonly path: string;
  readonly dispatcher: Dispatcher;
  readonly toRaw: (res: Dispatcher.ResponseData<unknown>) => Promise<RawResponse>;
  readonly clock: Clock;
}

/**
 * One attempt's abort, as undici's `request()` takes it (its `signal` may be an EventEmitter):
 * lighter than an AbortController per attempt. Aborted by the call's signal or the attempt timeout.
 * It has no `aborted` property: undici 8 takes anything that has one for a native AbortSignal.
 */
class AttemptAbort extends EventEmitter {
  fired = false;
  reason: unknown;
  abort(reason: unknown): void {
    if (this.fired) return;
    this.fired = true;
    this.reason = reason;
    this.emit('abort');
  }
}

/**
 * One call of the client, as the engine gets it: its parameters and its way of sending an attempt,
 * in one object (a queued call holds this and the engine's waiter, nothing more). The URL and
 * body are built when the call is made, so that params that cannot be serialized (circular, a
 * BigInt in JSON) are a `TypeError` at once, before the call takes a slot.
 */
class ClientCall implements CallInit {
  /** The door bounds each attempt (headers and body) itself: one timer, no AbortController. */
  readonly appliesTimeout = true;
  readonly signal: AbortSignal | undefined;
  readonly idempotent: boolean | undefined;
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
    this.signal = options.signal;
    this.idempotent = options.idempotent;
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
    return `${this.door.origin}${this.door.path}?Action=${this.action}${this.#query}`;
  }

  send(signed: SignedParams | undefined, signal: AbortSignal, timeoutMs: number): Promise<RawResponse> {
    const { method, door } = this;
    const prefix = `${door.path}?Action=${this.action}${this.#query}`; // action is \w+: nothing to escape
    const path = signed ? prefix + signedQuery(signed) : prefix;
    const body = this.#body;
    const { dispatcher, clock } = door;
    const attempt = new AttemptAbort();
    if (signal.aborted) attempt.abort(signal.reason);
    const unlisten = onAbort(signal, () => attempt.abort(signal.reason));
    const timer = Number.isFinite(timeoutMs)
      ? clock.setTimeout(() => attempt.abort(new AttemptTimeoutError(timeoutMs)), timeoutMs)
      : undefined;
    const done = () => {
      if (timer !== undefined) clock.clearTimeout(timer);
      unlisten();
    };
    // One timer bounds the whole attempt (headers and body): undici's own per-phase timers
    // (bodyTimeout restarts on every chunk) are off. Sent through the dispatcher's own `request`,
    // not undici's top-level one with `{ dispatcher }`: an undici 8 Agent refuses that option.
    const { origin } = door;
    const init =
      body === undefined
        ? { origin, path, method, signal: attempt, headersTimeout: 0, bodyTimeout: 0 }
        : {
            origin,
            path,
            method,
            signal: attempt,
            body,
            headers: JSON_HEADERS,
            headersTimeout: 0,
            bodyTimeout: 0,
          };
    return dispatcher
      .request(init)
      .then(door.toRaw)
      .then(
        (raw) => {
          done();
          return raw;
        },
        (error: unknown) => {
          done();
          throw attempt.fired ? attempt.reason : error;
        },
      );
  }
}

/** The body of a `Code: 0` answer, or the typed error of a call given up on. */
function bodyOf({ outcome, call }: RunResult): ZimBody {
  if (outcome.category !== 'success') throw errorFromOutcome(outcome, call);
  return (outcome.body ?? JSON.parse(outcome.response?.text || '{}')) as ZimBody;
}
const NO_OPTIONS: CallOptions = Object.freeze({});
