import { type ResolvedRedisOption, resolveRedisOption } from '../cluster/resolveRedisOption.js';
import type { CodeCatalog } from '../codes/CodeCatalog.js';
import { createCodeCatalog } from '../codes/createCodeCatalog.js';
import { type Clock, systemClock } from '../core/Clock.js';
import { describeKind, describeValue } from '../core/describeValue.js';
import { didYouMean } from '../core/didYouMean.js';
import type { ZimHooks } from '../events/ZimEvents.js';
import { assertKnownAction } from '../limits/assertKnownAction.js';
import type { ResolvedLimit } from '../limits/LimitSpec.js';
import { resolveLimits } from '../limits/resolveLimits.js';
import type { ResolvedTelemetry } from '../telemetry/TelemetryOption.js';
import { endTunnelLoopsTo } from '../transport/endTunnelLoops.js';
import { DEFAULTS } from './defaults.js';
import { regionUrl } from './regions.js';
import type { ZimResilienceOptions } from './ZimResilienceOptions.js';

/** Options after defaults are applied and every value checked. */
export interface ResolvedOptions {
  readonly appId: number | undefined;
  readonly serverSecret: ZimResilienceOptions['serverSecret'];
  readonly baseUrl: URL;
  readonly limits: ReadonlyMap<string, ResolvedLimit>;
  readonly idempotent: Readonly<Record<string, boolean>>;
  /** The `customActions` option: names `call` accepts besides the documented ones. */
  readonly customActions: ReadonlySet<string>;
  readonly retry: {
    readonly maxAttempts: number;
    readonly minDelayMs: number;
    readonly maxDelayMs: number;
    readonly deadlineMs: number;
    readonly attemptTimeoutMs: number;
    readonly maxRetryAfterMs: number;
    readonly budget: { readonly maxTokens: number; readonly tokenRatio: number } | false;
  };
  readonly catalog: CodeCatalog;
  readonly maxRequeues: number;
  /** `Infinity` for no bound. */
  readonly maxQueueWaitMs: number;
  readonly maxBodyBytes: number;
  readonly warnPassthrough: boolean;
  readonly hooks: ZimHooks;
  readonly interceptors: ZimResilienceOptions['interceptors'];
  readonly clock: Clock;
  readonly random: () => number;
  readonly redis: ResolvedRedisOption | undefined;
  readonly telemetry: ResolvedTelemetry;
}

/** A value as an error echoes it (src/core/describeValue.ts): NaN and Infinity as themselves, an empty string in words. */
export const show = describeValue;

const MAX_APP_ID = 4294967295; // AppIds are uint32

/** `random`, checked at every call: a value outside [0, 1) is a TypeError naming the option. */
function checkedRandom(random: () => number): () => number {
  const checked = () => {
    const value: unknown = random();
    if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
      throw new TypeError(`expected random() to return a number in [0, 1), got ${show(value)}`);
    }
    return value;
  };
  checked(); // once now, so a wrong function fails when the client is built
  return checked;
}

export function number(
  name: string,
  value: unknown,
  fallback: number,
  { min = 0, integer = false, finite = true } = {},
): number {
  if (value === undefined) return fallback;
  const ok =
    typeof value === 'number' &&
    !Number.isNaN(value) &&
    value >= min &&
    (!finite || Number.isFinite(value)) &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    const what = integer ? 'an integer' : finite ? 'a finite number' : 'a number';
    throw new TypeError(`expected ${name} to be ${what} >= ${min}, got ${show(value)}`);
  }
  return value;
}

function object(name: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`expected ${name} to be an object, got ${show(value)}`);
  }
  return value as Record<string, unknown>;
}

function known(name: string, value: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (keys.includes(key)) continue;
    const guess = didYouMean(key, keys);
    throw new TypeError(
      `unknown option ${name ? `${name}.` : ''}${key}${guess ? `: did you mean ${name ? `${name}.` : ''}${guess}?` : ''}`,
    );
  }
}

const TOP = [
  'appId',
  'serverSecret',
  'baseUrl',
  'region',
  'limits',
  'idempotent',
  'retry',
  'codes',
  'maxRequeues',
  'maxQueueWaitMs',
  'maxBodyBytes',
  'warnPassthrough',
  'hooks',
  'interceptors',
  'clock',
  'random',
  'redis',
  'customActions',
  'telemetry',
];
const RETRY = [
  'maxAttempts',
  'minDelayMs',
  'maxDelayMs',
  'deadlineMs',
  'attemptTimeoutMs',
  'maxRetryAfterMs',
  'budget',
];
const HOOKS = [
  'call',
  'start',
  'attempt',
  'attemptEnd',
  'retry',
  'throttle',
  'rateLimited',
  'overload',
  'limitAdapted',
  'resign',
  'settled',
  'giveUp',
  'rejected',
  'cluster',
  'passthrough',
];

/**
 * Applies the defaults and checks every option. A wrong one is a `TypeError` that names it and
 * echoes its value (never the secret's). `extra` names options a door adds (`dispatcher`, `redis`).
 */
export function resolveOptions(input: unknown, extra: readonly string[] = []): ResolvedOptions {
  const o = object('options', input) as ZimResilienceOptions<string> & Record<string, unknown>;
  known('', o, [...TOP, ...extra]);

  if (o.appId !== undefined && !(Number.isInteger(o.appId) && o.appId > 0 && o.appId <= MAX_APP_ID)) {
    throw new TypeError(`expected appId to be an integer from 1 to ${MAX_APP_ID}, got ${show(o.appId)}`);
  }
  const secret = o.serverSecret;
  if (
    secret !== undefined &&
    !(typeof secret === 'function' || (typeof secret === 'string' && secret.trim() !== ''))
  ) {
    // never the secret itself: only what kind of value it was
    throw new TypeError(
      `expected serverSecret to be a non-empty string or a function, got ${describeKind(secret)}`,
    );
  }
  if ((o.appId === undefined) !== (secret === undefined)) {
    throw new TypeError(
      `expected appId and serverSecret to be given together, got only ${o.appId === undefined ? 'serverSecret' : 'appId'}`,
    );
  }

  // `region` is checked even when `baseUrl` wins over it: a typo fails wherever it is run.
  const regionOrigin = regionUrl(o.region === undefined ? DEFAULTS.region : o.region);
  let baseUrl: URL;
  try {
    baseUrl = new URL(o.baseUrl ?? regionOrigin);
    if (!/^https?:$/.test(baseUrl.protocol)) throw new Error('not http');
  } catch (cause) {
    throw new TypeError(`expected baseUrl to be an http(s) URL, got ${show(o.baseUrl)}`, { cause });
  }
  // The server API takes its parameters in the query: one of the URL's own would end up in every call.
  const raw = String(o.baseUrl ?? '');
  const part = raw.includes('?') ? 'a query' : raw.includes('#') ? 'a fragment' : undefined;
  if (part) {
    throw new TypeError(
      `expected baseUrl to be an http(s) URL without a query or fragment, got ${part}: ${show(o.baseUrl)}`,
    );
  }

  // every door resolves here: undici 7's proxy reconnect loop is ended for connects to its origin
  endTunnelLoopsTo(baseUrl);

  const r = object('retry', o.retry);
  known('retry', r, RETRY);
  const d = DEFAULTS.retry;
  let budget: ResolvedOptions['retry']['budget'] = d.budget;
  if (r.budget === false) budget = false;
  else if (r.budget !== undefined) {
    const b = object('retry.budget', r.budget);
    known('retry.budget', b, ['maxTokens', 'tokenRatio']);
    budget = {
      maxTokens: number('retry.budget.maxTokens', b.maxTokens, d.budget.maxTokens, { min: 1 }),
      tokenRatio: number('retry.budget.tokenRatio', b.tokenRatio, d.budget.tokenRatio),
    };
  }
  const retry: ResolvedOptions['retry'] = {
    maxAttempts: number('retry.maxAttempts', r.maxAttempts, d.maxAttempts, { min: 1, integer: true }),
    minDelayMs: number('retry.minDelayMs', r.minDelayMs, d.minDelayMs),
    maxDelayMs: number('retry.maxDelayMs', r.maxDelayMs, d.maxDelayMs),
    deadlineMs: number('retry.deadlineMs', r.deadlineMs, d.deadlineMs, { finite: false }),
    attemptTimeoutMs: number('retry.attemptTimeoutMs', r.attemptTimeoutMs, d.attemptTimeoutMs, {
      min: 1,
      finite: false,
    }),
    maxRetryAfterMs: number('retry.maxRetryAfterMs', r.maxRetryAfterMs, d.maxRetryAfterMs),
    budget,
  };
  if (retry.maxDelayMs < retry.minDelayMs) {
    throw new TypeError(
      `expected retry.maxDelayMs to be >= retry.minDelayMs (${retry.minDelayMs}), got ${retry.maxDelayMs}`,
    );
  }

  const custom = o.customActions ?? [];
  if (!Array.isArray(custom) || custom.some((a) => typeof a !== 'string' || !/^\w+$/.test(a))) {
    throw new TypeError(`expected customActions to be an array of action names, got ${show(custom)}`);
  }
  const customActions: ReadonlySet<string> = new Set(custom);
  const idempotent = object('idempotent', o.idempotent);
  for (const [action, v] of Object.entries(idempotent)) {
    assertKnownAction('each key of idempotent', action, customActions);
    if (typeof v !== 'boolean')
      throw new TypeError(`expected idempotent.${action} to be a boolean, got ${show(v)}`);
  }
  const hooks = object('hooks', o.hooks);
  known('hooks', hooks, HOOKS);
  for (const [name, fn] of Object.entries(hooks)) {
    if (typeof fn !== 'function')
      throw new TypeError(`expected hooks.${name} to be a function, got ${show(fn)}`);
  }
  if (
    o.interceptors !== undefined &&
    typeof o.interceptors !== 'function' &&
    !Array.isArray(o.interceptors)
  ) {
    throw new TypeError(
      `expected interceptors to be an array of { name, interceptor, before | after } or a function (defaults) => interceptor[], got ${show(o.interceptors)}`,
    );
  }
  if (o.warnPassthrough !== undefined && typeof o.warnPassthrough !== 'boolean') {
    throw new TypeError(`expected warnPassthrough to be a boolean, got ${show(o.warnPassthrough)}`);
  }
  const clock = o.clock ?? systemClock;
  for (const m of ['now', 'setTimeout', 'clearTimeout'] as const) {
    if (typeof clock?.[m] !== 'function')
      throw new TypeError(`expected clock.${m} to be a function, got ${show(clock?.[m])}`);
  }
  if (clock.wallNow !== undefined && typeof clock.wallNow !== 'function')
    throw new TypeError(`expected clock.wallNow to be a function, got ${show(clock.wallNow)}`);
  if (o.random !== undefined && typeof o.random !== 'function') {
    throw new TypeError(`expected random to be a function returning [0, 1), got ${show(o.random)}`);
  }

  return {
    telemetry: resolveTelemetry(o.telemetry),
    appId: o.appId,
    serverSecret: secret,
    baseUrl,
    limits: resolveLimits(o.limits, customActions),
    // no prototype: a custom action named `toString` or `constructor` finds nothing inherited
    idempotent: Object.assign(Object.create(null) as Record<string, boolean>, idempotent),
    customActions,
    retry,
    catalog: createCodeCatalog(o.codes),
    maxRequeues: number('maxRequeues', o.maxRequeues, DEFAULTS.maxRequeues, { integer: true }),
    maxQueueWaitMs: number('maxQueueWaitMs', o.maxQueueWaitMs, DEFAULTS.maxQueueWaitMs, { finite: false }),
    maxBodyBytes: number('maxBodyBytes', o.maxBodyBytes, DEFAULTS.maxBodyBytes, { min: 1, integer: true }),
    warnPassthrough: o.warnPassthrough ?? DEFAULTS.warnPassthrough,
    hooks: hooks as ZimHooks,
    interceptors: o.interceptors,
    clock,
    random: o.random ? checkedRandom(o.random) : Math.random,
    redis: resolveRedisOption(o.redis),
  };
}

/** `telemetry`: a boolean, or `{ tracerProvider, meterProvider }` with a `getTracer` and a `getMeter`. */
function resolveTelemetry(value: unknown): ResolvedTelemetry {
  if (value === undefined || value === true) return { tracerProvider: undefined, meterProvider: undefined };
  if (value === false) return false;
  const t = object('telemetry', value);
  known('telemetry', t, ['tracerProvider', 'meterProvider']);
  const provider = (key: 'tracerProvider' | 'meterProvider', method: 'getTracer' | 'getMeter') => {
    const p = t[key] as Record<string, unknown> | undefined;
    if (p === undefined) return undefined;
    if (typeof p !== 'object' || p === null || typeof p[method] !== 'function')
      throw new TypeError(
        `expected telemetry.${key} to be an OpenTelemetry provider with ${method}(), got ${p === null ? 'null' : typeof p}`,
      );
    return p as never;
  };
  return {
    tracerProvider: provider('tracerProvider', 'getTracer'),
    meterProvider: provider('meterProvider', 'getMeter'),
  };
}
