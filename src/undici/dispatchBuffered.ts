import type { Dispatcher } from 'undici';
import type { RawResponse } from '../core/RawResponse.js';

/** A whole answer as undici delivered it, kept to replay to the user's handler. */
export interface BufferedAnswer {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly statusMessage: string | undefined;
  readonly chunks: Buffer[];
  readonly trailers: Record<string, string | string[] | undefined>;
}

/** Why an attempt whose body outgrew `maxBodyBytes` was cut. Internal: callers get a `ZimHttpError`. */
class BodyTooLargeError extends Error {
  readonly code = 'ZIM_BODY_TOO_LARGE';
  constructor(max: number) {
    super(`the response body is larger than maxBodyBytes (${max})`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Dispatches one attempt and buffers its answer (up to `maxBodyBytes`; past that the attempt
 * is cut and the answer marked truncated). 1xx answers go straight to `informational`.
 */
export function dispatchBuffered(
  dispatch: Dispatcher.Dispatch,
  opts: Dispatcher.DispatchOptions,
  signal: AbortSignal,
  maxBodyBytes: number,
  informational: (
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    statusMessage?: string,
  ) => void,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let answer:
      | { statusCode: number; headers: BufferedAnswer['headers']; statusMessage: string | undefined }
      | undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onAbort = () => controller?.abort(signal.reason);
    const finish = (trailers: BufferedAnswer['trailers'], truncated: boolean) => {
      if (settled || !answer) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      const raw: BufferedAnswer = { ...answer, chunks, trailers };
      const headers = answer.headers;
      resolve({
        status: answer.statusCode,
        header: (name) => {
          const v = headers[name];
          return Array.isArray(v) ? v.join(', ') : v;
        },
        text: Buffer.concat(chunks).toString('utf8'),
        truncated,
        raw,
      });
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(c) {
        controller = c;
        if (signal.aborted) c.abort(signal.reason);
      },
      onResponseStart(_c, statusCode, headers, statusMessage) {
        if (statusCode < 200) return informational(statusCode, headers, statusMessage);
        answer = { statusCode, headers, statusMessage };
      },
      onResponseData(c, chunk) {
        if (size + chunk.length > maxBodyBytes) {
          chunks.push(chunk.subarray(0, maxBodyBytes - size));
          finish({}, true);
          c.abort(new BodyTooLargeError(maxBodyBytes));
          return;
        }
        size += chunk.length;
        chunks.push(chunk);
      },
      onResponseEnd(_c, trailers) {
        finish(trailers, false);
      },
      onResponseError(_c, error) {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    };
    try {
      dispatch(opts, handler);
    } catch (error) {
      handler.onResponseError?.(controller as Dispatcher.DispatchController, error as Error);
    }
  });
}
