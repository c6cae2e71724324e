import { MOCK_CODES, messageFor } from './mockCodes.js';
import { rateLimitCode } from './rateLimitCode.js';
import { requestUnits } from './requestUnits.js';
import type { MockActionSpec } from './resolveActionSpecs.js';
import { SlidingWindow } from './SlidingWindow.js';

const SECOND_MS = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The limiter's verdict on one arrival. */
export type Admission =
  | { readonly ok: true; readonly units: number }
  | { readonly ok: false; readonly code: number; readonly message: string; readonly rateLimited: boolean };

/**
 * The server side of the limits: exact sliding windows over arrivals, one per action and
 * scope key (the app, or the call's GroupId / RoomId), the daily quotas, and the optional
 * app-wide limit. An arrival is admitted only if it fits every window that applies, and
 * only an admitted arrival is recorded: a rejected call consumes nothing.
 */
export class MockLimiter {
  readonly #app: SlidingWindow | undefined;
  readonly #windows = new Map<string, SlidingWindow>();
  readonly #quotas = new Map<string, SlidingWindow>();

  constructor(appLimitPerSecond: number | false) {
    this.#app = appLimitPerSecond === false ? undefined : new SlidingWindow(SECOND_MS, appLimitPerSecond);
  }

  /** Admits (and records) or refuses one arrival of `action` at time `now`. */
  admit(
    action: string,
    spec: MockActionSpec,
    params: Readonly<Record<string, unknown>>,
    now: number,
  ): Admission {
    const units = requestUnits(spec, params);
    if (this.#app !== undefined && !this.#app.canTake(now)) {
      return refuse(MOCK_CODES.appRateLimited, true);
    }
    let window: SlidingWindow | undefined;
    if (spec.perSecond !== undefined) {
      if (units > spec.perSecond) {
        // More messages than the action may ever serve in one second: a bad parameter, not a wait.
        return refuse(MOCK_CODES.invalidParameter, false, `at most ${spec.perSecond} messages per call`);
      }
      window = this.#window(
        this.#windows,
        `${action}\u0000${scopeKey(spec, params)}`,
        SECOND_MS,
        spec.perSecond,
      );
      if (!window.canTake(now, units)) return refuse(rateLimitCode(action, spec.scope), true);
    }
    let quota: SlidingWindow | undefined;
    if (spec.dailyQuota !== undefined) {
      quota = this.#window(this.#quotas, action, DAY_MS, spec.dailyQuota);
      if (!quota.canTake(now))
        return refuse(rateLimitCode(action, spec.scope), true, 'daily quota exhausted');
    }
    this.#app?.take(now);
    window?.take(now, units);
    quota?.take(now);
    return { ok: true, units };
  }

  #window(map: Map<string, SlidingWindow>, key: string, windowMs: number, limit: number): SlidingWindow {
    let window = map.get(key);
    if (window === undefined) {
      window = new SlidingWindow(windowMs, limit);
      map.set(key, window);
    }
    return window;
  }
}

function refuse(code: number, rateLimited: boolean, detail?: string): Admission {
  const message = detail === undefined ? messageFor(code) : `${messageFor(code)} (${detail})`;
  return { ok: false, code, message, rateLimited };
}

function scopeKey(spec: MockActionSpec, params: Readonly<Record<string, unknown>>): string {
  if (spec.scope === 'app') return '';
  const value = params[spec.scope === 'group' ? 'GroupId' : 'RoomId'];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
