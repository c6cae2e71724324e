import type { Dispatcher } from 'undici';
import type { Clock } from '../core/Clock.js';
import { onAbort } from '../core/onAbort.js';
import { dispatchAttempt } from '../undici/dispatchAttempt.js';
import type { ClientDoor } from './ClientDoor.js';

const JSON_HEADERS = { 'content-type': 'application/json' };
const ignore = () => {};

/**
 * The client's door through an undici dispatcher, on the interceptor's own transport
 * (`dispatchAttempt`): one timer bounds the whole attempt (headers and body) and ends it even if the
 * dispatcher never calls back; the body is read up to `maxBodyBytes`, decoded (and bounded again)
 * when the server compressed it; an attempt the dispatcher never started is known unsent. `owned`
 * is destroyed by `close()`; a dispatcher given is not.
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
  const dispatch: Dispatcher.Dispatch = (opts, handler) => dispatcher.dispatch(opts, handler);

  return {
    appliesTimeout: true,
    base: baseUrl.href,
    send(query, method, body, signal, timeoutMs, traced) {
      // undici's own per-phase timers (bodyTimeout restarts on every chunk) are off: the attempt's one timer bounds it
      const target = path + query;
      const opts: Dispatcher.DispatchOptions =
        body === undefined
          ? {
              origin,
              path: target,
              method: method as Dispatcher.HttpMethod,
              headers: traced ?? null,
              headersTimeout: 0,
              bodyTimeout: 0,
            }
          : {
              origin,
              path: target,
              method: method as Dispatcher.HttpMethod,
              body,
              headers: traced ? { ...JSON_HEADERS, ...traced } : JSON_HEADERS,
              headersTimeout: 0,
              bodyTimeout: 0,
            };
      return dispatchAttempt({
        dispatch,
        opts,
        signal,
        watch: (abort) => onAbort(signal, () => abort(signal.reason as Error)),
        timeoutMs,
        clock,
        maxBodyBytes,
        informational: ignore,
        stream: undefined,
      });
    },
    close: () => (owned ? dispatcher.destroy() : Promise.resolve()),
  };
}
