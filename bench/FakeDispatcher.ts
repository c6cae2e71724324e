import { Dispatcher } from 'undici';

/** The controller our new-API handlers get from the fake (nothing to abort: it answers at once). */
type Controller = Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestStart']>>[0];
/** undici's own `request()` hands a handler of the older API. */
type AnyHandler = Dispatcher.DispatchHandler & {
  onConnect?(abort: () => void): void;
  onHeaders?(status: number, headers: Buffer[], resume: () => void, statusText: string): boolean;
  onData?(chunk: Buffer): boolean;
  onComplete?(trailers: Buffer[]): void;
};

const BODY = Buffer.from(
  '{"Code":0,"Message":"success","RequestId":"mock-1","UserInfos":[{"UserId":"bench-user","UserName":"b"}]}',
);
const HEADERS = { 'content-type': 'application/json', 'content-length': String(BODY.length) };
const HEADERS_RAW = Object.entries(HEADERS).flatMap(([k, v]) => [Buffer.from(k), Buffer.from(v)]);

/**
 * A dispatcher that answers every request with one ZIM success on the next turn of the loop: no
 * network, no server, for the developer tools that measure CPU on a shared machine
 * (`doorOverhead.ts`, `telemetryCost.ts`). It speaks both handler APIs (undici's own `request()`
 * hands the older one).
 */
export class FakeDispatcher extends Dispatcher {
  override dispatch(_opts: Dispatcher.DispatchOptions, handler: AnyHandler): boolean {
    setImmediate(() => {
      if (handler.onRequestStart) {
        const c = {
          abort() {},
          pause() {},
          resume() {},
          aborted: false,
          paused: false,
          reason: null,
        } as Controller;
        handler.onRequestStart(c, {});
        handler.onResponseStart?.(c, 200, HEADERS, 'OK');
        handler.onResponseData?.(c, BODY);
        handler.onResponseEnd?.(c, {});
      } else {
        handler.onConnect?.(() => {});
        handler.onHeaders?.(200, HEADERS_RAW, () => {}, 'OK');
        handler.onData?.(BODY);
        handler.onComplete?.([]);
      }
    });
    return true;
  }
  override close() {
    return Promise.resolve();
  }
  override destroy() {
    return Promise.resolve();
  }
}
