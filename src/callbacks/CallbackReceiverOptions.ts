import type {
  BeforeSendMsgEvent,
  CallbackCommon,
  CallbackEventMap,
  CallbackEventName,
} from '../generated/callbackSpec.js';
import type { BeforeSendAnswer, BeforeSendVerdict } from './BeforeSendVerdict.js';
import type { CallbackHooks } from './CallbackHooks.js';
import type { CallbackRedisOption } from './CallbackRedisOption.js';

/**
 * What a handler gets beside its event.
 *
 * @public
 */
export interface CallbackContext {
  /** The dedupe key of the event (the same for every redelivery of it). */
  readonly key: string;
  /** Aborted when a `before_send_msg` verdict is past its time, and when the receiver closes. */
  readonly signal: AbortSignal;
}

/**
 * A callback of an event not in spec/callbacks.json (or any event, for `'*'`).
 *
 * @public
 */
export type AnyCallbackEvent = CallbackCommon & Readonly<Record<string, unknown>>;

/**
 * A typed handler per event; `'*'` gets every event without its own handler.
 *
 * @public
 */
export type CallbackHandlers = {
  readonly [K in Exclude<CallbackEventName, 'before_send_msg'>]?: (
    event: CallbackEventMap[K],
    context: CallbackContext,
  ) => unknown;
} & {
  /** Answers whether the message is sent: a verdict, a bare result (0-3), or nothing (neutral). */
  readonly before_send_msg?: (
    event: BeforeSendMsgEvent,
    context: CallbackContext,
  ) => BeforeSendAnswer | Promise<BeforeSendAnswer>;
  readonly '*'?: (event: AnyCallbackEvent, context: CallbackContext) => unknown;
};

/**
 * Options of `createCallbackReceiver`.
 *
 * @public
 */
export interface CallbackReceiverOptions {
  /**
   * The secret ZEGO signs callbacks with: the ServerSecret of your project (ZEGOCLOUD Admin
   * Console: your project, Basic Configurations, ServerSecret), the value `createZimClient`
   * takes as `serverSecret`. ZEGO's callback page names it `callbacksecret` in its formula.
   * Never logged.
   */
  readonly callbackSecret: string;
  /** The handlers. One that throws answers 500 (ZEGO redelivers) and releases the dedupe key. */
  readonly on: CallbackHandlers;
  /**
   * How long a handled event is remembered, so that ZEGO's redeliveries (2, 4, 8, 16 and 32 s
   * apart, 62 s in all, each after a failed or timed-out attempt) are answered without calling the
   * handler again. @default 600000 (10 min: the schedule and the 300 s freshness window, with margin)
   */
  readonly dedupeTtlMs?: number;
  /**
   * How long a `before_send_msg` handler may take; then `beforeSendFallback` is answered. At most
   * 2500 (ZEGO waits 2.5 s for the verdict). @default 2000
   */
  readonly beforeSendTimeoutMs?: number;
  /**
   * The verdict answered when the `before_send_msg` handler is too slow or throws. Neutral by
   * default, so a bug in moderation code does not silence the chat (ZEGO itself counts an error
   * as "not sent"). @default { result: 0 }
   */
  readonly beforeSendFallback?: BeforeSendVerdict;
  /** Callbacks whose timestamp (either unit) is further than this from now are refused (401). @default 300 */
  readonly maxAgeSeconds?: number;
  /** A larger body is refused (413) and not read further. @default 1048576 (1 MiB) */
  readonly maxBodyBytes?: number;
  /** Share the dedupe with every receiver of a fleet: one process handles an event, however many receive it. */
  readonly redis?: CallbackRedisOption;
  /** Event hooks: received, duplicate, refused, handlerError, verdict, dedupeError. */
  readonly hooks?: CallbackHooks;
  /** The clock (ms), for the freshness check and the memory dedupe. @default Date.now */
  readonly now?: () => number;
}

/**
 * The defaults of the receiver's options.
 *
 * @public
 */
export const CALLBACK_DEFAULTS = Object.freeze({
  dedupeTtlMs: 600_000,
  beforeSendTimeoutMs: 2000,
  beforeSendFallback: Object.freeze({ result: 0 }) as BeforeSendVerdict,
  maxAgeSeconds: 300,
  maxBodyBytes: 1024 * 1024,
});
