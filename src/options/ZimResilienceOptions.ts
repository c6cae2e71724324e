import type { RedisOption } from '../cluster/RedisOption.js';
import type { CodeOverride } from '../codes/createCodeCatalog.js';
import type { Clock } from '../core/Clock.js';
import type { Interceptor } from '../core/Interceptor.js';
import type { ZimHooks } from '../events/ZimEvents.js';
import type { LimitsOption } from '../limits/LimitSpec.js';

/** How failed attempts are retried. */
export interface RetryOptions {
  /** Attempts per call, the first included (a re-sign after an auth refusal is not counted). @default 5 */
  readonly maxAttempts?: number;
  /** The smallest backoff delay, and the base of the exponential. @default 100 */
  readonly minDelayMs?: number;
  /** The largest backoff delay. @default 5000 */
  readonly maxDelayMs?: number;
  /** No retry starts later than this after the first attempt; delays are cut to fit. @default 30000 */
  readonly deadlineMs?: number;
  /**
   * An attempt whose answer headers (or next body bytes) take longer than this is abandoned, as a
   * transport error after writing. The client and undici doors hand it to undici's own
   * `headersTimeout` / `bodyTimeout`; the fetch door aborts the request. @default 10000
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

/** The default remedies, handed to `interceptors` so users can reorder them, leave one out, or add their own. */
export interface DefaultInterceptors {
  /** Backoff retries (p-retry), the retry budget, the deadline, the one re-sign after an auth refusal. */
  readonly retry: Interceptor;
  /** Per-action (and per group / room) limits, daily quotas, and the requeue after a rate-limited answer. */
  readonly throttle: Interceptor;
  /** Signs every attempt anew, with the clock offset learned from the server. */
  readonly sign: Interceptor;
  /** Turns answers and transport errors into categories. */
  readonly classify: Interceptor;
}

/** Options shared by `createZimClient`, `resilientFetch` and `zimInterceptor`. */
export interface ZimResilienceOptions {
  /** Your ZIM AppId. Required by `createZimClient`; with `serverSecret`, lets the other doors re-sign. */
  readonly appId?: number;
  /**
   * Your ServerSecret, or a function returning it (read again before every attempt, so a rotated
   * secret is picked up). Never logged nor put in an error or event.
   */
  readonly serverSecret?: string | (() => string | Promise<string>);
  /** The server API's origin. @default 'https://zim-api.zego.im' */
  readonly baseUrl?: string;
  /** Per-action limits merged over the documented ones; `false` turns one off. @default the documented limits */
  readonly limits?: LimitsOption;
  /** Per action: whether sending it twice is harmless. @default queries, checks and setters are; sends, imports and creations are not */
  readonly idempotent?: Readonly<Record<string, boolean>>;
  /** Retry behaviour. */
  readonly retry?: RetryOptions;
  /** Per ZIM code: a category (or a whole entry) that extends or overrides the catalog. @default {} */
  readonly codes?: Readonly<Record<number, CodeOverride>>;
  /** Times a call is requeued after rate-limited answers before it is given up. @default 10 */
  readonly maxRequeues?: number;
  /** Bytes of a response body read before it is classified; more is not parsed. @default 1048576 */
  readonly maxBodyBytes?: number;
  /** Functions called on each event (attempt, retry, throttle, rateLimited, resign, settled, giveUp, cluster). @default {} */
  readonly hooks?: ZimHooks;
  /** Builds the chain from the default remedies. @default ({ retry, throttle, sign, classify }) => [retry, throttle, sign, classify] */
  readonly interceptors?: (defaults: DefaultInterceptors) => readonly Interceptor[];
  /**
   * Share the limits with every process of this AppId through Redis (needs the optional peer
   * dependency ioredis): a `redis://` URL, an ioredis client, or `{ url | client, fallbackShare,
   * commandTimeoutMs, connectTimeoutMs, keyPrefix }`. The first calls wait for Redis (up to
   * `connectTimeoutMs`); while it cannot be reached, each process keeps to its share of every limit
   * and emits a `cluster` event. See docs/redis.md. @default none: limits are per process
   */
  readonly redis?: RedisOption;
  /** The clock used for every wait and timestamp. @default the system clock */
  readonly clock?: Clock;
  /** Randomness for jitter, in [0, 1). @default Math.random */
  readonly random?: () => number;
}
