import type { Dispatcher } from 'undici';
import type { SendAttempt } from '../core/Call.js';
import { createEngine, type Engine } from '../engine/createEngine.js';
import { errorFromOutcome } from '../errors/errorFromOutcome.js';
import { warnPassthrough } from '../events/warnPassthrough.js';
import { paramsOf } from '../http/paramsOf.js';
import { signedQuery } from '../http/signedQuery.js';
import { resolveOptions } from '../options/resolveOptions.js';
import type { ZimResilienceOptions } from '../options/ZimResilienceOptions.js';
import { type BufferedAnswer, dispatchBuffered } from './dispatchBuffered.js';
import { ReplayController } from './ReplayController.js';

/** An undici interceptor with the remedies applied to ZIM calls, and a `close()`. */
export type ZimInterceptor = Dispatcher.DispatcherComposeInterceptor & {
  /** Settles every queued call (the handler gets `ZimClosedError`) and frees every timer. */
  close(): Promise<void>;
};

type Body = Dispatcher.DispatchOptions['body'];

async function replayable(body: Body): Promise<string | Buffer | Uint8Array | null> {
  if (body === undefined) return null;
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const SIGNED_KEYS = ['AppId', 'SignatureNonce', 'Timestamp', 'SignatureVersion', 'Signature'];

/** The request's path without its signed parameters, so each attempt appends fresh ones. */
function unsignedPath(path: string, search: URLSearchParams): string {
  const unsigned = new URLSearchParams(search);
  for (const key of SIGNED_KEYS) unsigned.delete(key);
  return `${path.slice(0, path.indexOf('?'))}?${unsigned}`;
}

async function run(
  engine: Engine,
  maxBodyBytes: number,
  dispatch: Dispatcher.Dispatch,
  opts: Dispatcher.DispatchOptions,
  handler: Dispatcher.DispatchHandler,
  action: string,
  search: URLSearchParams,
): Promise<void> {
  const controller = new ReplayController();
  handler.onRequestStart?.(controller, {});
  try {
    const body = await replayable(opts.body);
    const head = unsignedPath(opts.path, search);
    const text = typeof body === 'string' ? body : body ? Buffer.from(body).toString('utf8') : undefined;
    const send: SendAttempt = (signed, signal) =>
      dispatchBuffered(
        dispatch,
        {
          ...opts,
          path: signed ? head + signedQuery(signed) : opts.path,
          body,
          // the engine bounds the whole attempt with one timer; undici's per-phase timers (the
          // body's restarts on every chunk) are off unless the caller set them
          headersTimeout: opts.headersTimeout ?? 0,
          bodyTimeout: opts.bodyTimeout ?? 0,
        },
        signal,
        maxBodyBytes,
        (s, h, m) => handler.onResponseStart?.(controller, s, h, m),
      );
    const { outcome, call } = await engine.run({
      action,
      params: paramsOf(search, text),
      signal: controller.signal,
      send,
    });
    // No answer, or one too large to hand back whole: the same typed errors as the other doors.
    if (!outcome.response || outcome.response.truncated) throw errorFromOutcome(outcome, call);
    const answer = outcome.response.raw as BufferedAnswer;
    handler.onResponseStart?.(controller, answer.statusCode, answer.headers, answer.statusMessage);
    for (const chunk of answer.chunks) {
      await controller.whenFlowing();
      if (controller.aborted) throw controller.reason;
      handler.onResponseData?.(controller, chunk);
    }
    handler.onResponseEnd?.(controller, answer.trailers);
  } catch (error) {
    handler.onResponseError?.(controller, error as Error);
  }
}

/**
 * An undici interceptor: `new Agent().compose(zimInterceptor(options))`, then `request`, `fetch`,
 * `Pool` or `setGlobalDispatcher` as usual. Requests to `baseUrl` with an `?Action=` get the
 * remedies (bodies sent as streams are buffered first, so every attempt can be replayed); all
 * others go straight to the next dispatcher and pay nothing. Works with undici 7 and 8.
 */
export function zimInterceptor<const C extends string = never>(
  options: ZimResilienceOptions<C> = {},
): ZimInterceptor {
  const resolved = resolveOptions(options);
  const engine = createEngine(resolved);
  const origin = resolved.baseUrl.origin;
  const seen = new Map<string, boolean>(); // origin strings already compared
  const passthrough = warnPassthrough(resolved);
  const interceptor = (dispatch: Dispatcher.Dispatch): Dispatcher.Dispatch =>
    function zimDispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
      const search = opts.upgrade ? undefined : zimQueryOf(opts, origin, seen);
      const action = search?.get('Action');
      if (!search || !action) {
        if (!search) passthrough(opts.origin, opts.path);
        return dispatch(opts, handler);
      }
      void run(engine, resolved.maxBodyBytes, dispatch, opts, handler, action, search);
      return true;
    };
  return Object.assign(interceptor, { close: () => engine.close() });
}

/** The query of a request to the ZIM origin, or undefined for any other request (which passes untouched). */
function zimQueryOf(
  opts: Dispatcher.DispatchOptions,
  origin: string,
  seen: Map<string, boolean>,
): URLSearchParams | undefined {
  const o = opts.origin;
  if (o === undefined) return undefined;
  let same = typeof o === 'string' ? seen.get(o) : o.origin === origin;
  if (same === undefined) {
    same = new URL(o as string).origin === origin;
    if (seen.size > 100) seen.clear();
    seen.set(o as string, same);
  }
  const q = opts.path.indexOf('?');
  return same && q !== -1 ? new URLSearchParams(opts.path.slice(q + 1)) : undefined;
}
