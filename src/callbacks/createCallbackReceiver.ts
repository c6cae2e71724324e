import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackReceiverOptions } from './CallbackReceiverOptions.js';
import type { CallbackRequest, CallbackResponse } from './CallbackResponse.js';
import { createCallbackProcessor } from './createCallbackProcessor.js';
import { readFetchBody } from './readFetchBody.js';
import { readNodeBody } from './readNodeBody.js';
import { resolveReceiverOptions } from './resolveReceiverOptions.js';

/**
 * The receiver: one processor behind three doors.
 *
 * @public
 */
export interface CallbackReceiver {
  /**
   * A `node:http` handler, also express middleware (before or after `express.json()`,
   * `express.text()`, `express.urlencoded()`): it always answers, and never calls `next`.
   */
  readonly node: (req: IncomingMessage, res: ServerResponse, next?: unknown) => Promise<void>;
  /** A fetch handler, `(Request) => Promise<Response>`: Hono, Next.js route handlers, Bun, Workers. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** For any other framework (fastify): hand it the method and the body (text or parsed), send back what it answers. */
  readonly handle: (request: CallbackRequest) => Promise<CallbackResponse>;
  /** Aborts the signals of running handlers and closes the Redis connection. */
  readonly close: () => Promise<void>;
}

/**
 * Receives ZEGO's ZIM server callbacks: checks the signature and the freshness, answers
 * redeliveries without calling the handler again (across a fleet with `redis`), and answers
 * `before_send_msg` in time. Options are checked here: a wrong one is a TypeError naming it.
 *
 * @public
 */
export function createCallbackReceiver(options: CallbackReceiverOptions): CallbackReceiver {
  const resolved = resolveReceiverOptions(options);
  const processor = createCallbackProcessor(resolved);
  return {
    async node(req, res) {
      let answer: CallbackResponse;
      try {
        answer = await processor.handle(await readNodeBody(req, resolved.maxBodyBytes));
      } catch {
        answer = await processor.handle({ method: req.method ?? 'POST', body: undefined });
      }
      if (res.headersSent) return;
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    },
    async fetch(request) {
      let answer: CallbackResponse;
      try {
        answer = await processor.handle(await readFetchBody(request, resolved.maxBodyBytes));
      } catch {
        answer = await processor.handle({ method: request.method, body: undefined });
      }
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
    },
    handle: (request) => processor.handle(request),
    close: () => processor.close(),
  };
}
