import type { Dispatcher } from 'undici';
import type { SendAttempt } from '../core/Call.js';
import { createEngine, type Engine } from '../engine/createEngine.js';
import { errorFromOutcome } from '../errors/errorFromOutcome.js';
import { paramsOf } from '../http/paramsOf.js';
import { setSignedParams } from '../http/setSignedParams.js';
import { resolveOptions } from '../options/resolveOptions.js';
import type { ZimResilienceOptions } from '../options/ZimResilienceOptions.js';
import { BodyTooLargeError, type BufferedAnswer, dispatchBuffered } from './dispatchBuffered.js';
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

function withSignature(path: string, signed: Parameters<SendAttempt>[0]): string {
  if (!signed) return path;
  const q = path.indexOf('?');
  const search = new URLSearchParams(q === -1 ? '' : path.slice(q + 1));
  setSignedParams(search, signed);
  return `${q === -1 ? path : path.slice(0, q)}?${search}`;
}

async function run(
  engine: Engine,
  maxBodyBytes: number,
  dispatch: Dispatcher.Dispatch,
  opts: Dispatcher.DispatchOptions,
  handler: Dispatcher.DispatchHandler,
  action: string,
): Promise<void> {
  const controller = new ReplayController();
  handler.onRequestStart?.(controller, {});
  try {
    const body = await replayable(opts.body);
    const q = opts.path.indexOf('?');
    const search = new URLSearchParams(q === -1 ? '' : opts.path.slice(q + 1));
    const text = typeof body === 'string' ? body : body ? Buffer.from(body).toString('utf8') : undefined;
    const send: SendAttempt = (signed, signal) =>
      dispatchBuffered(
        dispatch,
        { ...opts, path: withSignature(opts.path, signed), body },
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
    if (!outcome.response) throw errorFromOutcome(outcome, call);
    const answer = outcome.response.raw as BufferedAnswer;
    handler.onResponseStart?.(controller, answer.statusCode, answer.headers, answer.statusMessage);
    for (const chunk of answer.chunks) {
      await controller.whenFlowing();
      if (controller.aborted) throw controller.reason;
      handler.onResponseData?.(controller, chunk);
    }
    if (outcome.response.truncated) throw new BodyTooLargeError(maxBodyBytes);
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
export function zimInterceptor(options: ZimResilienceOptions = {}): ZimInterceptor {
  const resolved = resolveOptions(options);
  const engine = createEngine(resolved);
  const origin = resolved.baseUrl.origin;
  const interceptor = (dispatch: Dispatcher.Dispatch): Dispatcher.Dispatch =>
    function zimDispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
      const action = opts.upgrade || !opts.origin ? null : actionOf(opts, origin);
      if (!action) return dispatch(opts, handler);
      void run(engine, resolved.maxBodyBytes, dispatch, opts, handler, action);
      return true;
    };
  return Object.assign(interceptor, { close: () => engine.close() });
}

function actionOf(opts: Dispatcher.DispatchOptions, origin: string): string | null {
  if (new URL(String(opts.origin)).origin !== origin) return null;
  const q = opts.path.indexOf('?');
  return q === -1 ? null : new URLSearchParams(opts.path.slice(q + 1)).get('Action');
}
