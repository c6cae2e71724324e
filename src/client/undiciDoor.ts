import { EventEmitter } from 'node:events';
import type { Dispatcher } from 'undici';
import type { Clock } from '../core/Clock.js';
import { onAbort } from '../core/onAbort.js';
import type { RawResponse } from '../core/RawResponse.js';
import { AttemptTimeoutError } from '../engine/AttemptTimeoutError.js';
import { readBounded } from '../http/readBounded.js';
import { answerText } from '../transport/answerText.js';
import type { ClientDoor } from './ClientDoor.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * One attempt's abort, as undici's `request()` takes it (its `signal` may be an EventEmitter):
 * lighter than an AbortController per attempt. Aborted by the call's signal or the attempt timeout.
 * It has no `aborted` property: undici 8 takes anything that has one for a native AbortSignal.
 */
class AttemptAbort extends EventEmitter {
  fired = false;
  reason: unknown;
  abort(reason: unknown): void {
    if (this.fired) return;
    this.fired = true;
    this.reason = reason;
    this.emit('abort');
  }
}

/**
 * The client's door through an undici dispatcher: one timer bounds the whole attempt (headers and
 * body), no AbortController; the body is read up to `maxBodyBytes`, decoded (and bounded again)
 * when the server compressed it. `owned` is destroyed by `close()`; a dispatcher given is not.
 */
export function undiciDoor(
  dispatcher: Dispatcher,
  owned: boolean,
  baseUrl: URL,
  maxBodyBytes: number,
  clock: Clock,
): ClientDoor {
  const { origin } = baseUrl;
  const path = baseUrl.href.slice(origin.length);

  const toRaw = async (res: Dispatcher.ResponseData<unknown>): Promise<RawResponse> => {
    const { headers } = res;
    const length = Number(headers['content-length']);
    const encoding = headers['content-encoding'];
    if (length <= maxBodyBytes && encoding === undefined) return answer(res, await res.body.text(), false);
    const read = await readBounded(res.body, maxBodyBytes);
    if (read.truncated) res.body.destroy();
    // a server may compress what it was not asked to: decoded (bounded again) before it is classified
    const { text, truncated } = await answerText(read.bytes, read.truncated, encoding, maxBodyBytes);
    return answer(res, text, truncated);
  };
  const answer = (res: Dispatcher.ResponseData<unknown>, text: string, truncated: boolean): RawResponse => {
    const { headers } = res;
    const header = (name: string) => {
      const v = headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    return { status: res.statusCode, header, text, truncated };
  };

  return {
    appliesTimeout: true,
    base: baseUrl.href,
    send(query, method, body, signal, timeoutMs, traced) {
      const attempt = new AttemptAbort();
      if (signal.aborted) attempt.abort(signal.reason);
      const unlisten = onAbort(signal, () => attempt.abort(signal.reason));
      const timer = Number.isFinite(timeoutMs)
        ? clock.setTimeout(() => attempt.abort(new AttemptTimeoutError(timeoutMs)), timeoutMs)
        : undefined;
      const done = () => {
        if (timer !== undefined) clock.clearTimeout(timer);
        unlisten();
      };
      // One timer bounds the whole attempt (headers and body): undici's own per-phase timers
      // (bodyTimeout restarts on every chunk) are off. Sent through the dispatcher's own `request`,
      // not undici's top-level one with `{ dispatcher }`: an undici 8 Agent refuses that option.
      const target = path + query;
      const init =
        body === undefined
          ? {
              origin,
              path: target,
              method,
              signal: attempt,
              headers: traced ?? null,
              headersTimeout: 0,
              bodyTimeout: 0,
            }
          : {
              origin,
              path: target,
              method,
              signal: attempt,
              body,
              headers: traced ? { ...JSON_HEADERS, ...traced } : JSON_HEADERS,
              headersTimeout: 0,
              bodyTimeout: 0,
            };
      return dispatcher
        .request(init)
        .then(toRaw)
        .then(
          (raw) => {
            done();
            return raw;
          },
          (error: unknown) => {
            done();
            throw attempt.fired ? attempt.reason : error;
          },
        );
    },
    close: () => (owned ? dispatcher.destroy() : Promise.resolve()),
  };
}
