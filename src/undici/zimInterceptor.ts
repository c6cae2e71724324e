import type { Dispatcher } from 'undici';
import { type ZimRequestOptions, zimRequestOptionsOf } from '../api/ZimRequestOptions.js';
import type { SendAttempt } from '../core/Call.js';
import type { Clock } from '../core/Clock.js';
import { createEngine, type Engine } from '../engine/createEngine.js';
import { errorFromOutcome } from '../errors/errorFromOutcome.js';
import { ZimHttpError } from '../errors/ZimHttpError.js';
import { ZimTransportError } from '../errors/ZimTransportError.js';
import { warnPassthrough } from '../events/warnPassthrough.js';
import { resolveOptions } from '../options/resolveOptions.js';
import type { ZimResilienceOptions } from '../options/ZimResilienceOptions.js';
import { handsBack } from '../transport/handsBack.js';
import { readRequestBody } from '../transport/readRequestBody.js';
import { requestParams } from '../transport/requestParams.js';
import { signedTarget, unsignedTarget } from '../transport/signedKeys.js';
import { type AnswerStream, type BufferedAnswer, dispatchAttempt } from './dispatchAttempt.js';
import { ReplayController } from './ReplayController.js';
import { retriesAbove, stackedRetryError } from './stackedRetry.js';
import { withTraceHeaders } from './withTraceHeaders.js';

/**
 * The `dispatch` of a dispatcher of any undici major (7 or 8): what an interceptor wraps.
 *
 * @public
 */
export type AnyDispatch = (options: never, handler: never) => boolean;

/**
 * An undici interceptor with the remedies applied to ZIM calls, and a `close()`. Typed for
 * whichever undici the caller composes it with (7 or 8: `Agent.compose` infers `D`), not only
 * for the undici 7 this package depends on.
 *
 * @public
 */
export type ZimInterceptor = (<D extends AnyDispatch>(dispatch: D) => D) & {
  /** Settles every queued call (the handler gets `ZimClosedError`) and frees every timer. */
  close(): Promise<void>;
};

type Body = Dispatcher.DispatchOptions['body'];
type Replayable = string | Uint8Array | null;

const isReplayable = (body: Body): body is Replayable | undefined =>
  body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;

/** What every call of one interceptor shares. */
interface UndiciDoor {
  readonly engine: Engine;
  readonly clock: Clock;
  readonly maxBodyBytes: number;
  /** Whether an answer with this `Code` is final, so it may be streamed; undefined with a chain of the user's (which may retry anything). */
  readonly isFinal: ((code: number) => boolean) | undefined;
  /** Controllers of ended calls, for later calls. */
  readonly pool: AbortController[];
  /** False with a chain of the user's: it may keep a call's signal after the call. */
  readonly reuses: boolean;
}

/** The user's handler, fed a final answer as it arrives (an `AnswerStream` for `dispatchAttempt`). */
class HandlerStream implements AnswerStream {
  /** Attempts sent so far. */
  attempts = 0;
  constructor(
    readonly handler: Dispatcher.DispatchHandler,
    readonly controller: ReplayController,
    readonly isFinal: (code: number) => boolean,
    readonly action: string,
  ) {}
  start(
    attempt: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    statusMessage: string | undefined,
  ): void {
    this.controller.streamFrom(attempt);
    this.handler.onResponseStart?.(this.controller, statusCode, headers, statusMessage);
  }
  data(chunk: Buffer): void {
    this.handler.onResponseData?.(this.controller, chunk);
  }
  /** The call ends with the failure (no retry can take back what the caller got): the chain sees its signal aborted. */
  brokeOff(error: unknown): unknown {
    this.controller.abort(
      new ZimTransportError({
        action: this.action,
        attempts: this.attempts,
        mayHaveCommitted: true,
        cause: error,
        reason: 'the answer broke off after it began to reach the caller',
      }),
    );
    return this.controller.reason;
  }
}

async function run(
  door: UndiciDoor,
  dispatch: Dispatcher.Dispatch,
  opts: Dispatcher.DispatchOptions,
  handler: Dispatcher.DispatchHandler,
  action: string,
  query: string,
): Promise<void> {
  const { engine, maxBodyBytes, clock, pool } = door;
  const controller = new ReplayController(pool.pop() ?? new AbortController());
  handler.onRequestStart?.(controller, {});
  try {
    const zim = zimRequestOptionsOf((opts as { zim?: ZimRequestOptions }).zim, 'zim');
    // a stream (fetch's body, a Readable) is read once, bounded, now: every attempt sends it again
    const body = isReplayable(opts.body)
      ? (opts.body ?? null)
      : ((await readRequestBody(opts.body, maxBodyBytes)).body ?? null);
    const head = unsignedTarget(opts.path);
    const stream = door.isFinal ? new HandlerStream(handler, controller, door.isFinal, action) : undefined;
    const informational = (s: number, h: Record<string, string | string[] | undefined>, m?: string) =>
      handler.onResponseStart?.(controller, s, h, m);
    const send: SendAttempt = (signed, signal, timeoutMs, traced) => {
      // An answer already handed to the caller cannot be taken back: the call ends here.
      if (controller.streamed)
        return Promise.reject(streamedTwice(controller, action, stream?.attempts ?? 0));
      if (stream) stream.attempts++;
      return dispatchAttempt({
        dispatch,
        opts: {
          ...opts,
          path: signed ? signedTarget(head, signed) : opts.path,
          ...(traced && { headers: withTraceHeaders(opts.headers, traced) }),
          body,
          // the door bounds the whole attempt with one timer; undici's per-phase timers (the
          // body's restarts on every chunk) are off unless the caller set them
          headersTimeout: opts.headersTimeout ?? 0,
          bodyTimeout: opts.bodyTimeout ?? 0,
        },
        signal,
        timeoutMs,
        clock,
        maxBodyBytes,
        informational,
        stream,
        watch: controller.watch,
        resent: () => controller.abort(stackedRetryError('below')),
      });
    };
    const { outcome, call } = await engine.run({
      action,
      params: engine.needsParams(action)
        ? requestParams(new URLSearchParams(query), body ?? undefined)
        : undefined,
      signal: controller.signal,
      controller,
      send,
      priority: zim.priority,
      maxQueueWaitMs: zim.maxQueueWaitMs,
      appliesTimeout: true,
      method: opts.method,
      get url() {
        return `${String(opts.origin ?? '').replace(/\/$/, '')}${head}`;
      },
    });
    // No answer, one too large to hand back whole, a 2xx without ZIM JSON: the same typed errors as the other doors.
    if (!handsBack(outcome)) throw errorFromOutcome(outcome, call);
    const answer = outcome.response!.raw as BufferedAnswer;
    if (!answer.streamed) {
      handler.onResponseStart?.(controller, answer.statusCode, answer.headers, answer.statusMessage);
      for (const chunk of answer.chunks) {
        await controller.whenFlowing();
        if (controller.aborted) throw controller.reason;
        handler.onResponseData?.(controller, chunk);
      }
    }
    handler.onResponseEnd?.(controller, answer.trailers);
  } catch (error) {
    handler.onResponseError?.(controller, error as Error);
  }
  const reusable = controller.release();
  if (reusable && door.reuses && pool.length < POOL_SIZE) pool.push(reusable);
}

/**
 * How many controllers of ended calls a door keeps for later calls. Making a Node 20 AbortSignal
 * (an EventTarget) and collecting it costs about 10 µs, a third of what the door adds to a call.
 * A call's controller is only reused once the call has ended without an abort, and every listener
 * the chain added to its signal is gone.
 */
const POOL_SIZE = 256;

/** The chain wants another attempt after an answer was streamed (its body turned out unreadable): the call ends. */
function streamedTwice(controller: ReplayController, action: string, attempts: number): Error {
  controller.abort(
    new ZimHttpError({
      status: 200,
      category: 'retryable',
      action,
      attempts,
      detail: 'body is not ZIM JSON',
      reason: 'not retried: the answer already reached the caller',
    }),
  );
  return controller.reason!;
}

/**
 * An undici interceptor: `new Agent().compose(zimInterceptor(options))`, then `request`, `fetch`,
 * `Pool` or `setGlobalDispatcher` as usual. Requests to `baseUrl` with an `?Action=` get the
 * remedies (bodies sent as streams are buffered first, so every attempt can be replayed); all
 * others go straight to the next dispatcher and pay nothing. Works with undici 7 and 8. Per
 * request, the dispatch option `zim` takes a `priority` and a `maxQueueWaitMs` (`ZimRequestOptions`).
 *
 * @public
 */
export function zimInterceptor<const C extends string = never>(
  options: ZimResilienceOptions<C> = {},
): ZimInterceptor {
  const resolved = resolveOptions(options);
  const engine = createEngine(resolved);
  const { catalog } = resolved;
  const door: UndiciDoor = {
    engine,
    clock: resolved.clock,
    maxBodyBytes: resolved.maxBodyBytes,
    // with the default chain, success and fatal answers are never sent again
    pool: [],
    reuses: !resolved.interceptors,
    isFinal: resolved.interceptors
      ? undefined
      : (code) => {
          const category = catalog.category(code);
          return category === 'success' || category === 'fatal';
        },
  };
  const origin = resolved.baseUrl.origin;
  const seen = new Map<string, boolean>(); // origin strings already compared
  const passthrough = warnPassthrough(resolved);
  const interceptor = (dispatch: Dispatcher.Dispatch): Dispatcher.Dispatch =>
    function zimDispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
      const query = opts.upgrade ? undefined : zimQueryOf(opts, origin, seen);
      const action = query === undefined ? undefined : actionOf(query);
      if (query === undefined || !action) {
        if (query === undefined) {
          if (opts.origin === undefined && !opts.upgrade && ACTION.test(opts.path))
            return refuse(handler, originless());
          passthrough(opts.origin, opts.path);
        }
        return dispatch(opts, handler);
      }
      if (retriesAbove(handler, opts.method)) return refuse(handler, stackedRetryError('above'));
      void run(door, dispatch, opts, handler, action, query);
      return true;
    };
  // typed as undici 7's here; both majors hand it the same dispatch contract at run time
  return Object.assign(interceptor as unknown as <D extends AnyDispatch>(dispatch: D) => D, {
    close: () => engine.close(),
  });
}

/** `?Action=X` or `&Action=X`: a path that looks like a ZIM call. */
const ACTION = /[?&]Action=/;

/**
 * A ZIM-looking request without an origin: a path-only request through a `Pool` or `Client` of
 * undici 7, which does not tell its interceptors its origin (undici 8 does). It cannot be matched
 * to `baseUrl`, so it would go out unsigned, unthrottled: refused, loudly.
 */
function originless(): TypeError {
  return Object.assign(
    new TypeError(
      'zimInterceptor got a request with Action= but no origin (a path-only request through an undici 7 Pool or Client), so it cannot tell whether it is a ZIM call: pass origin in the request options (pool.request({ origin: baseUrl, path })), or compose the interceptor on an Agent',
    ),
    { code: 'ZIM_NO_ORIGIN' },
  );
}

/** Fails a request before anything is sent: the handler is started and told the error. */
function refuse(handler: Dispatcher.DispatchHandler, error: Error): true {
  const controller = new ReplayController(new AbortController());
  queueMicrotask(() => {
    handler.onRequestStart?.(controller, {});
    handler.onResponseError?.(controller, error);
  });
  return true;
}

/** The first `Action` of a plain query (no `%` or `+` to decode): its value, `''` when it has none. */
const PLAIN_ACTION = /(?:^|&)Action(?:=([^&]*))?(?:&|$)/;

/** `new URLSearchParams(query).get('Action')`, without parsing the whole query when nothing needs decoding. */
function actionOf(query: string): string | null {
  if (/[%+]/.test(query)) return new URLSearchParams(query).get('Action');
  const match = PLAIN_ACTION.exec(query);
  return match ? (match[1] ?? '') : null;
}

/** The query of a request to the ZIM origin (after `?`), or undefined for any other request (which passes untouched). */
function zimQueryOf(
  opts: Dispatcher.DispatchOptions,
  origin: string,
  seen: Map<string, boolean>,
): string | undefined {
  const o = opts.origin;
  if (o === undefined) return undefined;
  let same = typeof o === 'string' ? seen.get(o) : o.origin === origin;
  if (same === undefined) {
    same = new URL(o as string).origin === origin;
    if (seen.size > 100) seen.clear();
    seen.set(o as string, same);
  }
  const q = opts.path.indexOf('?');
  return same && q !== -1 ? opts.path.slice(q + 1) : undefined;
}
