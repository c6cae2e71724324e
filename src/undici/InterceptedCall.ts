import type { Dispatcher } from 'undici';
import type { ZimRequestOptions } from '../api/ZimRequestOptions.js';
import type { RawResponse } from '../core/RawResponse.js';
import type { CallInit } from '../engine/createEngine.js';
import { ZimHttpError } from '../errors/ZimHttpError.js';
import type { SignedParams } from '../sign/signRequest.js';
import { signedTarget } from '../transport/signedKeys.js';
import { dispatchAttempt } from './dispatchAttempt.js';
import { HandlerStream } from './HandlerStream.js';
import type { ReplayController } from './ReplayController.js';
import { stackedRetryError } from './stackedRetry.js';
import type { UndiciDoor } from './UndiciDoor.js';
import { withTraceHeaders } from './withTraceHeaders.js';

type Headers = Record<string, string | string[] | undefined>;

/**
 * One ZIM request through `zimInterceptor`, as the engine gets it: a class (its `url` a getter on
 * the prototype, read only when an event needs it), not an object literal with a getter of its own.
 */
export class InterceptedCall implements CallInit {
  readonly appliesTimeout = true;
  readonly priority: number | undefined;
  readonly maxQueueWaitMs: number | undefined;
  /** Where a final answer goes as it arrives; undefined: every answer is buffered. */
  readonly stream: HandlerStream | undefined;

  constructor(
    readonly door: UndiciDoor,
    readonly dispatch: Dispatcher.Dispatch,
    readonly opts: Dispatcher.DispatchOptions,
    readonly handler: Dispatcher.DispatchHandler,
    readonly controller: ReplayController,
    readonly action: string,
    readonly params: Readonly<Record<string, unknown>> | undefined,
    /** The request's body, replayable. */
    readonly body: string | Uint8Array | null,
    /** The request's path without any signed parameters. */
    readonly head: string,
    zim: ZimRequestOptions,
  ) {
    this.priority = zim.priority;
    this.maxQueueWaitMs = zim.maxQueueWaitMs;
    this.stream = door.isFinal ? new HandlerStream(handler, controller, door.isFinal, action) : undefined;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }
  get method(): string {
    return this.opts.method;
  }
  get url(): string {
    return `${String(this.opts.origin ?? '').replace(/\/$/, '')}${this.head}`;
  }

  send(
    signed: SignedParams | undefined,
    signal: AbortSignal,
    timeoutMs: number,
    traced?: Readonly<Record<string, string>>,
  ): Promise<RawResponse> {
    const { controller, stream, opts, door } = this;
    // An answer already handed to the caller cannot be taken back: the call ends here.
    if (controller.streamed) return Promise.reject(this.#streamedTwice());
    if (stream) stream.attempts++;
    return dispatchAttempt({
      dispatch: this.dispatch,
      opts: {
        ...opts,
        path: signed ? signedTarget(this.head, signed) : opts.path,
        ...(traced && { headers: withTraceHeaders(opts.headers, traced) }),
        body: this.body,
        // the door bounds the whole attempt with one timer; undici's per-phase timers (the
        // body's restarts on every chunk) are off unless the caller set them
        headersTimeout: opts.headersTimeout ?? 0,
        bodyTimeout: opts.bodyTimeout ?? 0,
      },
      signal,
      timeoutMs,
      clock: door.clock,
      maxBodyBytes: door.maxBodyBytes,
      informational: this.#informational,
      stream,
      watch: controller.watch,
      resent: this.#resent,
    });
  }

  /** 1xx answers go straight to the user's handler. */
  readonly #informational = (statusCode: number, headers: Headers, statusMessage?: string) =>
    this.handler.onResponseStart?.(this.controller, statusCode, headers, statusMessage);

  /** A dispatcher below sent an attempt again by itself: the call ends. */
  readonly #resent = () => this.controller.abort(stackedRetryError('below'));

  /** The chain wants another attempt after an answer was streamed (its body turned out unreadable): the call ends. */
  #streamedTwice(): Error {
    const { controller } = this;
    controller.abort(
      new ZimHttpError({
        status: 200,
        category: 'retryable',
        action: this.action,
        attempts: this.stream?.attempts ?? 0,
        detail: 'body is not ZIM JSON',
        reason: 'not retried: the answer already reached the caller',
      }),
    );
    return controller.reason!;
  }
}
