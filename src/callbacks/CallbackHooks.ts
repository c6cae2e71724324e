import type { BeforeSendVerdict } from './BeforeSendVerdict.js';

/**
 * A callback passed the checks and goes to its handler.
 *
 * @public
 */
export interface CallbackReceivedEvent {
  readonly event: string;
  /** The dedupe key (a hash of the event's identifying fields). */
  readonly key: string;
}

/**
 * A redelivery of an event already handled (or being handled): the handler is not called again.
 *
 * @public
 */
export interface CallbackDuplicateEvent {
  readonly event: string;
  readonly key: string;
  /** `handled`: answered 2xx (or the stored verdict); `in progress`: answered 503, ZEGO retries later. */
  readonly state: 'handled' | 'in progress';
}

/**
 * Why a request was refused (no secret, signature or body in it).
 *
 * @public
 */
export type CallbackRefusal =
  | 'bad signature'
  | 'stale timestamp'
  | 'missing fields'
  | 'malformed body'
  | 'body too large'
  | 'method not allowed';

/**
 * A request was refused before any handler ran.
 *
 * @public
 */
export interface CallbackRefusedEvent {
  readonly reason: CallbackRefusal;
  /** The HTTP status answered: 400, 401, 405 or 413. */
  readonly status: number;
  /** The `event` field, when the body could be read. */
  readonly event: string | undefined;
}

/**
 * A handler threw (or rejected): answered 500 so ZEGO redelivers, and the dedupe key was released.
 *
 * @public
 */
export interface CallbackHandlerErrorEvent {
  readonly event: string;
  readonly key: string;
  readonly error: unknown;
}

/**
 * The verdict answered to a `before_send_msg`, and where it came from.
 *
 * @public
 */
export interface CallbackVerdictEvent {
  readonly key: string;
  readonly verdict: BeforeSendVerdict;
  /** `handler`: its answer; `timeout`: slower than beforeSendTimeoutMs; `error`: it threw; `duplicate`: the stored verdict of an earlier delivery. */
  readonly source: 'handler' | 'timeout' | 'error' | 'duplicate';
  readonly elapsedMs: number;
}

/**
 * Redis could not be asked (dedupe fell back to this process's memory for that callback).
 *
 * @public
 */
export interface CallbackDedupeErrorEvent {
  readonly error: unknown;
}

/**
 * The receiver's events, also published on `node:diagnostics_channel` as `zim-resilience:callback.<name>`.
 *
 * @public
 */
export interface CallbackEvents {
  received: CallbackReceivedEvent;
  duplicate: CallbackDuplicateEvent;
  refused: CallbackRefusedEvent;
  handlerError: CallbackHandlerErrorEvent;
  verdict: CallbackVerdictEvent;
  dedupeError: CallbackDedupeErrorEvent;
}

/**
 * A hook per event; a hook that throws is reported as a process warning and changes nothing.
 *
 * @public
 */
export type CallbackHooks = { readonly [K in keyof CallbackEvents]?: (event: CallbackEvents[K]) => void };
