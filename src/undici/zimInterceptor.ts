import type { Dispatcher } from 'undici';
import { type ZimRequestOptions, zimRequestOptionsOf } from '../api/ZimRequestOptions.js';
import { createEngine } from '../engine/createEngine.js';
import { errorFromOutcome } from '../errors/errorFromOutcome.js';
import { warnPassthrough } from '../events/warnPassthrough.js';
import { resolveOptions } from '../options/resolveOptions.js';
import type { ZimResilienceOptions } from '../options/ZimResilienceOptions.js';
import { handsBack } from '../transport/handsBack.js';
import { readRequestBody } from '../transport/readRequestBody.js';
import { requestParams } from '../transport/requestParams.js';
import { unsignedTarget } from '../transport/signedKeys.js';
import type { BufferedAnswer } from './dispatchAttempt.js';
import { InterceptedCall } from './InterceptedCall.js';
import { ReplayController } from './ReplayController.js';
import { retriesAbove, stackedRetryError } from './stackedRetry.js';
import type { UndiciDoor } from './UndiciDoor.js';

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

async function run(
  door: UndiciDoor,
  dispatch: Dispatcher.Dispatch,
  opts: Dispatcher.DispatchOptions,
  handler: Dispatcher.DispatchHandler,
  action: string,
  query: string,
): Promise<void> {
  const { engine, maxBodyBytes, pool } = door;
  const controller = new ReplayController(pool.pop() ?? new AbortController());
  handler.onRequestStart?.(controller, {});
  try {
    const zim = zimRequestOptionsOf((opts as { zim?: ZimRequestOptions }).zim, 'zim');
    // a stream (fetch's body, a Readable) is read once, bounded, now: every attempt sends it again
    const body = isReplayable(opts.body)
      ? (opts.body ?? null)
      : ((await readRequestBody(opts.body, maxBodyBytes)).body ?? null);
    const params = engine.needsParams(action)
      ? requestParams(new URLSearchParams(query), body ?? undefined)
      : undefined;
    const init = new InterceptedCall(
      door,
      dispatch,
      opts,
      handler,
      controller,
      action,
      params,
      body,
      unsignedTarget(opts.path),
      zim,
    );
    const { outcome, call } = await engine.run(init);
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
  let same = o === origin || (typeof o === 'string' ? seen.get(o) : o.origin === origin);
  if (same === undefined) {
    same = new URL(o as string).origin === origin;
    if (seen.size > 100) seen.clear();
    seen.set(o as string, same);
  }
  const q = opts.path.indexOf('?');
  return same && q !== -1 ? opts.path.slice(q + 1) : undefined;
}
