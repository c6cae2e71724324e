import type { RedisOption } from '../cluster/RedisOption.js';
import type { CodeOverride } from '../codes/createCodeCatalog.js';
import type { Clock } from '../core/Clock.js';
import type { Interceptor } from '../core/Interceptor.js';
import type { ZimHooks } from '../events/ZimEvents.js';
import type { ZimAction } from '../generated/actions.js';
import type { LimitsOption } from '../limits/LimitSpec.js';
import type { PlacedInterceptor } from '../remedies/PlacedInterceptor.js';
import type { Remedy } from '../remedies/Remedy.js';
import type { TelemetryOption } from '../telemetry/TelemetryOption.js';
import type { ZimRegion } from './regions.js';

/** `idempotent` option: per action (documented, or `C`, one of `customActions`), whether sending it twice is harmless. */
export type IdempotentOption<C extends string = never> = { readonly [A in ZimAction | C]?: boolean };

/** How failed attempts are retried. */
export interface RetryOptions {
  /** Attempts per call, the first included (a re-sign after an auth refusal is not counted). @default 5 */
  readonly maxAttempts?: number;
  /**
   * The ceiling of the first retry's delay, doubled for each retry after it (up to `maxDelayMs`).
   * Full jitter: each delay is random in [0, ceiling), with no floor, so calls that failed together
   * do not retry together. @default 100
   */
  readonly minDelayMs?: number;
  /** The largest backoff ceiling. @default 5000 */
  readonly maxDelayMs?: number;
  /**
   * Bounds the whole call, counted from its first attempt: every later wait counts (backoff,
   * requeue pauses, and the wait for a slot of each retry or requeue, which go ahead of new calls).
   * No attempt starts after it; one in flight may run to its `attemptTimeoutMs`, so a call settles
   * within `deadlineMs + attemptTimeoutMs` of its first attempt. A call given up there says
   * "retry.deadlineMs passed". The wait for the first slot is not counted (it is the queue).
   * @default 30000
   */
  readonly deadlineMs?: number;
  /**
   * Bounds each attempt as a whole, headers and body together (a body that trickles forever is cut
   * here): past it the attempt is aborted, as a transport error after writing, then retried or
   * given up as usual. The same in every door: one timer per attempt. @default 10000
   */
  readonly attemptTimeoutMs?: number;
  /** A server's Retry-After is honoured up to this; longer, this is waited. @default 30000 */
  readonly maxRetryAfterMs?: number;
  /**
   * The retry budget, shared by every call of the client: each retryable failure takes a token,
   * each success gives back `tokenRatio`; retries stop while half the tokens or fewer are left.
   * `false` turns it off. @default { maxTokens: 100, tokenRatio: 0.5 }
   */
  readonly budget?: { readonly maxTokens: number; readonly tokenRatio: number } | false;
}

/**
 * The default remedies, handed to an `interceptors` function so users can leave `retry` or
 * `throttle` out, or add their own steps between them. Their order is checked (retry, throttle,
 * sign, classify, outermost first; sign and classify required): any other is a `TypeError`.
 * @public
 */
export interface DefaultInterceptors {
  /** Backoff retries (a plain loop around a pure decision), the retry budget, the deadline, the one re-sign after an auth refusal. */
  readonly retry: Remedy;
  /** Per-action (and per group / room) limits, daily quotas, and the requeue after a rate-limited answer. */
  readonly throttle: Remedy;
  /** Signs every attempt anew, with the clock offset learned from the server. */
  readonly sign: Remedy;
  /** Turns answers and transport errors into categories. */
  readonly classify: Remedy;
}

/**
 * Options shared by `createZimClient`, `resilientFetch` and `zimInterceptor`. `C` is the names
 * listed in `customActions` (inferred): with the documented actions, the keys `limits`,
 * `idempotent` and the events accept.
 */
export interface ZimResilienceOptions<C extends string = never> {
  /** Your ZIM AppId, an integer from 1 to 4294967295. Required by `createZimClient`; with `serverSecret`, lets the other doors re-sign. */
  readonly appId?: number;
  /**
   * Your ServerSecret, or a function returning it (read again before every attempt, so a rotated
   * secret is picked up). Never logged nor put in an error or event.
   */
  readonly serverSecret?: string | (() => string | Promise<string>);
  /**
   * The server API's origin, without a query or fragment (the mock server's URL, a proxy of your
   * own). Wins over `region`. @default 'https://zim-api.zego.im' (the host of `region`)
   */
  readonly baseUrl?: string;
  /**
   * Which of ZEGO's access points to call, by name (`ZIM_REGIONS`): `'sha'` (Shanghai), `'hkg'`
   * (Hong Kong), `'fra'` (Frankfurt), `'lax'` (California), `'bom'` (Mumbai), `'sgp'` (Singapore),
   * or `'unified'` (any region). ZEGO asks for the one of the region your server is in. `baseUrl`,
   * when given, wins. An unknown name is a `TypeError` ("did you mean ...?"). @default 'unified'
   */
  readonly region?: ZimRegion;
  /** Per-action limits merged over the documented ones; `false` turns one off. @default the documented limits */
  readonly limits?: LimitsOption<NoInfer<C>>;
  /** Per action: whether sending it twice is harmless. @default queries, checks and setters are; sends, imports and creations are not */
  readonly idempotent?: IdempotentOption<NoInfer<C>>;
  /**
   * Actions the official documents do not have (yet): `call` takes them with any parameters and
   * answers an untyped body, and `limits` and `idempotent` accept them. Any other unknown name is a
   * `TypeError` ("did you mean ...?"). @default []
   */
  readonly customActions?: readonly C[];
  /** Retry behaviour. */
  readonly retry?: RetryOptions;
  /** Per ZIM code: a category (or a whole entry) that extends or overrides the catalog. @default {} */
  readonly codes?: Readonly<Record<number, CodeOverride>>;
  /**
   * Times a call is requeued after rate-limited answers before it is given up: the throttle owns
   * rate-limited answers (the retry interceptor does not retry them on top), so a call always
   * rate-limited makes `1 + maxRequeues` attempts. @default 10
   */
  readonly maxRequeues?: number;
  /**
   * A call that cannot get its first slot within this many milliseconds is refused at once with
   * `ZimOverloadError` (nothing sent, no slot taken), from the queue ahead of it and the limit's
   * window; one admitted is refused when the bound passes if it still waits (docs/overload.md).
   * Per call: `CallOptions.maxQueueWaitMs`. @default Infinity (no bound)
   */
  readonly maxQueueWaitMs?: number;
  /** Bytes of a response body read before it is classified; more is not parsed. @default 1048576 */
  readonly maxBodyBytes?: number;
  /**
   * `resilientFetch` and `zimInterceptor`: one process warning per origin that gets a request with
   * `Action=` in its query but is not `baseUrl`'s (the `passthrough` event fires either way). @default true
   */
  readonly warnPassthrough?: boolean;
  /** Functions called on each event (attempt, retry, throttle, rateLimited, overload, limitAdapted, resign, settled, giveUp, cluster, passthrough). @default {} */
  readonly hooks?: ZimHooks<ZimAction | NoInfer<C>>;
  /**
   * Steps of your own, placed by name (`[{ name: 'log', interceptor, before: 'classify' }]`), or
   * a function that builds the chain from the default remedies (to leave `retry` or `throttle`
   * out). Either way the remedies keep their order (retry, throttle, sign, classify, outermost
   * first) and sign and classify stay in: a chain that would break a promise is a `TypeError`
   * saying which (docs/chain.md).
   * @default the four remedies: [retry, throttle, sign, classify]
   */
  readonly interceptors?:
    | readonly PlacedInterceptor[]
    | ((defaults: DefaultInterceptors) => readonly Interceptor[]);
  /**
   * Share the limits with every process of this AppId through Redis: a `redis://` URL (needs
   * the optional peer ioredis or redis), your client (ioredis 5 or 6: plain, Sentinel or
   * Cluster; node-redis 4 or 5: `createClient`, `createCluster`, `createSentinel`), or
   * `{ url | client, fallbackShare, commandTimeoutMs, connectTimeoutMs, keyPrefix }`. The first calls wait for Redis (up to
   * `connectTimeoutMs`); while it cannot be reached, each process keeps to its share of every limit
   * and emits a `cluster` event. See docs/redis.md. @default none: limits are per process
   */
  readonly redis?: RedisOption;
  /**
   * The clock: `now()` (monotonic) for every wait, window and deadline, `wallNow()` for signature
   * timestamps and HTTP dates. @default the system clock: `performance.now()` and `Date.now()`
   */
  readonly clock?: Clock;
  /**
   * OpenTelemetry spans and metrics (docs/telemetry.md): a `zim.call {Action}` span per call with a
   * CLIENT span per HTTP attempt, and the `http.client.request.duration` and `zim.client.*`
   * metrics. On by default, through the global API, when the optional peer `@opentelemetry/api`
   * is installed: with no SDK registered nothing is recorded and nothing is spent. `{ tracerProvider,
   * meterProvider }` uses providers of your own; `false` turns it off. @default true
   */
  readonly telemetry?: TelemetryOption;
  /** Randomness for jitter: returns a number in [0, 1) (checked; anything else is a TypeError). @default Math.random */
  readonly random?: () => number;
}
