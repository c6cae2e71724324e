import type { Dispatcher } from 'undici';
import type { Clock } from '../core/Clock.js';
import type { RawResponse } from '../core/RawResponse.js';
import { attemptTimer } from '../engine/attemptTimer.js';
import { answerText } from '../transport/answerText.js';

type Headers = Record<string, string | string[] | undefined>;

/** An answer as undici delivered it: kept whole to replay to the user's handler, unless it was streamed. */
export interface BufferedAnswer {
  readonly statusCode: number;
  readonly headers: Headers;
  readonly statusMessage: string | undefined;
  readonly chunks: Buffer[];
  readonly trailers: Headers;
  /** True when the answer went to the user's handler as it arrived: nothing is left to replay. */
  readonly streamed: boolean;
}

/** Where a final answer goes as it arrives. */
export interface AnswerStream {
  /** Whether an answer whose body starts with this ZIM `Code` is final (never retried), so it may be streamed. */
  isFinal(code: number): boolean;
  /** The answer is final: its head, and the attempt's controller (for pause and resume). */
  start(
    attempt: Dispatcher.DispatchController,
    statusCode: number,
    headers: Headers,
    statusMessage: string | undefined,
  ): void;
  data(chunk: Buffer): void;
  /** The attempt failed after `start`: what the attempt rejects with instead of `error`. */
  brokeOff(error: unknown): unknown;
}

/** One attempt of the undici door. */
export interface AttemptSetup {
  readonly dispatch: Dispatcher.Dispatch;
  readonly opts: Dispatcher.DispatchOptions;
  /** The call's signal. */
  readonly signal: AbortSignal;
  /**
   * Tells `abort` of the call's aborts instead of a listener on `signal` (which costs an
   * EventTarget listener per attempt); returns how to stop. When absent, the signal is listened to.
   */
  readonly watch?: ((abort: (reason: Error) => void) => () => void) | undefined;
  /** Bounds the whole attempt, headers and body. */
  readonly timeoutMs: number;
  readonly clock: Clock;
  readonly maxBodyBytes: number;
  /** 1xx answers go straight here. */
  informational(statusCode: number, headers: Headers, statusMessage?: string): void;
  /** Where a final 2xx answer is streamed; undefined: every answer is buffered. */
  readonly stream: AnswerStream | undefined;
  /** A dispatcher below started this attempt a second time by itself (undici's retry interceptor): the call must end. */
  readonly resent?: (() => void) | undefined;
}

/** Why an attempt whose body outgrew `maxBodyBytes` was cut. Internal: callers get a `ZimHttpError`. */
class BodyTooLargeError extends Error {
  readonly code = 'ZIM_BODY_TOO_LARGE';
  constructor(max: number) {
    super(`the response body is larger than maxBodyBytes (${max})`);
    this.name = 'BodyTooLargeError';
  }
}

/** ZIM answers put `Code` first: `{"Code":0,...`. */
const LEADING_CODE = /^\s*\{\s*"Code"\s*:\s*(-?\d+)\s*[,}]/;

/** The ZIM `Code` read from the first bytes of a body, or undefined when it is not there. */
function leadingCode(chunk: Buffer): number | undefined {
  const match = LEADING_CODE.exec(chunk.toString('latin1', 0, 64));
  return match ? Number(match[1]) : undefined;
}

/**
 * Dispatches one attempt, bounded as a whole by `timeoutMs` (one timer; undici's own are off), and
 * aborted with the call's signal. A 2xx answer of known length within `maxBodyBytes` whose first
 * bytes say a final `Code` goes to `stream` as it arrives, and is classified by that `Code`; any
 * other answer is buffered (up to `maxBodyBytes`; past that the attempt is cut and the answer
 * marked truncated) to be classified from its whole body, and replayed or retried.
 */
export function dispatchAttempt(setup: AttemptSetup): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const { signal } = setup;
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const handler = new AttemptHandler(setup, resolve, reject);
    try {
      setup.dispatch(setup.opts, handler);
    } catch (error) {
      handler.fail(error);
    }
  });
}

/** The handler of one attempt (methods, not closures: one object per attempt). */
class AttemptHandler implements Dispatcher.DispatchHandler {
  #controller: Dispatcher.DispatchController | undefined;
  #answer: { statusCode: number; headers: Headers; statusMessage: string | undefined } | undefined;
  readonly #chunks: Buffer[] = [];
  #size = 0;
  #settled = false;
  #aborted: Error | undefined;
  /** 'sniff': a 2xx that may be final, decided at the first chunk; 'stream': final, going through. */
  #mode: 'buffer' | 'sniff' | 'stream' = 'buffer';
  #code: number | undefined;
  readonly #timer: unknown;
  readonly #unwatch: (() => void) | undefined;

  constructor(
    readonly setup: AttemptSetup,
    readonly resolve: (response: RawResponse) => void,
    readonly reject: (error: unknown) => void,
  ) {
    const { timeoutMs, clock, watch } = setup;
    // not started by then: nothing was sent (a proxy that does not answer its CONNECT)
    this.#timer = attemptTimer(clock, timeoutMs, (reason) =>
      this.#abort(this.#controller ? reason : reason.unsent()),
    );
    if (watch) this.#unwatch = watch((reason) => this.#abort(reason));
    else setup.signal.addEventListener('abort', this, { once: true });
  }

  /** The call's signal aborted (this object is its listener). */
  handleEvent(): void {
    this.#abort(this.setup.signal.reason as Error);
  }

  #abort(reason: Error): void {
    this.#aborted ??= reason;
    this.#controller?.abort(reason);
    this.fail(reason); // settled now, whatever the dispatcher does (not started yet: aborted when undici starts it)
  }

  #done(): void {
    this.#settled = true;
    if (this.#timer !== undefined) this.setup.clock.clearTimeout(this.#timer);
    if (this.#unwatch) this.#unwatch();
    else this.setup.signal.removeEventListener('abort', this);
  }

  fail(error: unknown): void {
    if (this.#settled) return;
    this.#done();
    this.reject(this.#mode === 'stream' ? this.setup.stream!.brokeOff(error) : error);
  }

  #finish(trailers: Headers, truncated: boolean): void {
    const answer = this.#answer;
    if (this.#settled || !answer) return;
    this.#done();
    const streamed = this.#mode === 'stream';
    const raw: BufferedAnswer = {
      statusCode: answer.statusCode,
      headers: answer.headers,
      statusMessage: answer.statusMessage,
      chunks: this.#chunks,
      trailers,
      streamed,
    };
    const encoding = answer.headers['content-encoding'];
    if (encoding === undefined || truncated || streamed) {
      this.resolve(new AnswerResponse(raw, truncated, streamed ? this.#code : undefined));
      return;
    }
    // The chain reads the decoded body (bounded by maxBodyBytes again); the caller gets the bytes as they came.
    const bytes = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks);
    answerText(bytes, false, encoding, this.setup.maxBodyBytes).then(
      (decoded) => this.resolve(new AnswerResponse(raw, decoded.truncated, undefined, decoded.text)),
      this.reject,
    );
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    const again = this.#controller !== undefined;
    this.#controller = controller;
    if (again && !this.#aborted) this.setup.resent?.();
    if (this.#aborted) controller.abort(this.#aborted);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Headers,
    statusMessage?: string,
  ): void {
    if (statusCode < 200) {
      this.setup.informational(statusCode, headers, statusMessage);
      return;
    }
    this.#answer = { statusCode, headers, statusMessage };
    const length = Number(headers['content-length']);
    // an encoded body is decoded whole before it is classified (its first bytes say nothing)
    const plain = headers['content-encoding'] === undefined;
    if (this.setup.stream && plain && statusCode < 300 && length > 0 && length <= this.setup.maxBodyBytes)
      this.#mode = 'sniff';
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#settled) return;
    const { stream, maxBodyBytes } = this.setup;
    if (this.#mode === 'sniff') {
      const code = leadingCode(chunk);
      if (code !== undefined && stream!.isFinal(code)) {
        this.#mode = 'stream';
        this.#code = code;
        const answer = this.#answer!;
        stream!.start(controller, answer.statusCode, answer.headers, answer.statusMessage);
      } else this.#mode = 'buffer';
    }
    if (this.#size + chunk.length > maxBodyBytes) {
      this.#chunks.push(chunk.subarray(0, maxBodyBytes - this.#size));
      if (this.#mode !== 'stream') this.#finish({}, true); // streamed: the length lied, the attempt fails
      controller.abort(new BodyTooLargeError(maxBodyBytes));
      return;
    }
    this.#size += chunk.length;
    this.#chunks.push(chunk);
    if (this.#mode === 'stream') stream!.data(chunk);
  }

  onResponseEnd(_controller: Dispatcher.DispatchController, trailers: Headers): void {
    this.#finish(trailers, false);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }
}

/** An answer as the chain sees it; the text is decoded only if something reads it. */
class AnswerResponse implements RawResponse {
  #text: string | undefined;
  constructor(
    readonly raw: BufferedAnswer,
    readonly truncated: boolean,
    readonly leadingCode: number | undefined,
    decoded?: string,
  ) {
    this.#text = decoded;
  }
  get status(): number {
    return this.raw.statusCode;
  }
  header(name: string): string | undefined {
    const v = this.raw.headers[name];
    return Array.isArray(v) ? v.join(', ') : v;
  }
  get text(): string {
    if (this.#text === undefined) {
      const { chunks } = this.raw;
      this.#text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
    }
    return this.#text;
  }
}
