import type { Dispatcher } from 'undici';
import { ZimTransportError } from '../errors/ZimTransportError.js';
import type { AnswerStream } from './dispatchAttempt.js';
import type { ReplayController } from './ReplayController.js';

/** The user's handler, fed a final answer as it arrives (an `AnswerStream` for `dispatchAttempt`). */
export class HandlerStream implements AnswerStream {
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
