import { type ZimRequestOptions, zimRequestOptionsOf } from '../api/ZimRequestOptions.js';
import type { SendAttempt } from '../core/Call.js';
import { createEngine, type RunResult } from '../engine/createEngine.js';
import { errorFromOutcome } from '../errors/errorFromOutcome.js';
import { warnPassthrough } from '../events/warnPassthrough.js';
import { resolveOptions } from '../options/resolveOptions.js';
import type { ZimResilienceOptions } from '../options/ZimResilienceOptions.js';
import { type FetchAnswer, fetchAttempt } from '../transport/fetchAttempt.js';
import { type FetchRequest, fetchRequest } from '../transport/fetchRequest.js';
import { handsBack } from '../transport/handsBack.js';
import { requestParams } from '../transport/requestParams.js';
import { signedTarget, unsignedTarget } from '../transport/signedKeys.js';
import { withHeaders } from '../transport/withHeaders.js';
import { handedBack } from './handedBack.js';

/**
 * A drop-in `fetch` with the remedies applied to ZIM calls, and a `close()`.
 *
 * @public
 */
export type ResilientFetch = typeof fetch & {
  /** Settles every queued call (rejected with `ZimClosedError`) and frees every timer. */
  close(): Promise<void>;
};

type FetchInput = Parameters<typeof fetch>[0];

/**
 * Wraps any `fetch` (global, undici's, ky's or ofetch's underlying one): requests to `baseUrl`
 * with an `?Action=` are throttled, retried and, when `appId` and `serverSecret` are given,
 * re-signed on every attempt; the caller gets an ordinary, still-readable `Response` of the final
 * attempt (a ZIM error code stays in its body, as with plain fetch). Everything else passes through.
 * A call given up without any answer rejects with `ZimTransportError`; a body larger than
 * `maxBodyBytes` with `ZimHttpError`, as in the other doors. Per request, `init.zim` takes a
 * `priority` and a `maxQueueWaitMs` (`ZimRequestOptions`).
 *
 * @public
 */
export function resilientFetch<const C extends string = never>(
  fetchImpl: typeof fetch,
  options: ZimResilienceOptions<C> = {},
): ResilientFetch {
  if (typeof fetchImpl !== 'function')
    throw new TypeError(`expected fetch to be a function, got ${typeof fetchImpl}`);
  const resolved = resolveOptions(options);
  const engine = createEngine(resolved);
  const origin = resolved.baseUrl.origin;
  const passthrough = warnPassthrough(resolved);

  const max = resolved.maxBodyBytes;
  // the chain's parse of the body is the caller's json(), unless a chain of the user's could have changed it
  const ownChain = resolved.interceptors === undefined;

  /** The call's last step: the final attempt's `Response`, or the call's typed error. */
  const settle = ({ outcome, call }: RunResult): Response => {
    if (!handsBack(outcome)) throw errorFromOutcome(outcome, call);
    const { res, bytes } = outcome.response!.raw as FetchAnswer;
    return handedBack(res, bytes, ownChain ? outcome.body : undefined);
  };

  const start = (
    url: URL,
    action: string,
    zim: ZimRequestOptions,
    handed: FetchRequest,
  ): Promise<Response> => {
    const base = handed.init;
    const unsigned = unsignedTarget(url.href, url.searchParams);
    const send: SendAttempt = (signed, signal, _timeoutMs, traced) =>
      fetchAttempt(
        fetchImpl,
        signed ? signedTarget(unsigned, signed) : url,
        traced ? withHeaders(base, traced) : base,
        signal,
        max,
      );
    const params = engine.needsParams(action)
      ? requestParams(url.searchParams, handed.body, handed.contentType)
      : undefined;
    return engine.run(
      {
        action,
        params,
        signal: handed.signal,
        send,
        method: base.method,
        url: unsigned,
        priority: zim.priority,
        maxQueueWaitMs: zim.maxQueueWaitMs,
      },
      settle,
    );
  };

  // not async: a call is a promise of the engine's (`settle` is its last step), not one more of its own
  const wrapped = (input: FetchInput, init: RequestInit = {}): Promise<Response> => {
    try {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const action = url.searchParams.get('Action');
      if (url.origin !== origin || !action) {
        passthrough(url, url.search);
        return fetchImpl(input, init);
      }
      const zim = zimRequestOptionsOf((init as { zim?: ZimRequestOptions }).zim, 'init.zim');
      const handed = fetchRequest(input, init, max);
      return handed instanceof Promise
        ? handed.then((read) => start(url, action, zim, read))
        : start(url, action, zim, handed);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return Object.assign(wrapped, { close: () => engine.close() }) as ResilientFetch;
}
