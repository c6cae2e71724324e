import { describeKind, describeValue } from '../core/describeValue.js';
import { didYouMean } from '../core/didYouMean.js';
import { CALLBACK_SPECS } from '../generated/callbackSpec.js';
import { type BeforeSendVerdict, toVerdict } from './BeforeSendVerdict.js';
import type { CallbackHooks } from './CallbackHooks.js';
import {
  CALLBACK_DEFAULTS,
  type CallbackHandlers,
  type CallbackReceiverOptions,
} from './CallbackReceiverOptions.js';
import { type ResolvedCallbackRedis, resolveCallbackRedis } from './CallbackRedisOption.js';

/** The receiver's options after defaults and checks. */
export interface ResolvedReceiverOptions {
  readonly callbackSecret: string;
  readonly on: CallbackHandlers;
  readonly dedupeTtlMs: number;
  readonly beforeSendTimeoutMs: number;
  readonly beforeSendFallback: BeforeSendVerdict;
  readonly maxAgeSeconds: number;
  readonly maxBodyBytes: number;
  readonly redis: ResolvedCallbackRedis | undefined;
  readonly hooks: CallbackHooks;
  readonly now: () => number;
}

const KNOWN = [
  'callbackSecret',
  'on',
  'dedupeTtlMs',
  'beforeSendTimeoutMs',
  'beforeSendFallback',
  'maxAgeSeconds',
  'maxBodyBytes',
  'redis',
  'hooks',
  'now',
];

function positive(name: string, value: unknown, max = Number.POSITIVE_INFINITY): number {
  if (typeof value === 'number' && value > 0 && value <= max && Number.isFinite(value)) return value;
  const range = max === Number.POSITIVE_INFINITY ? 'a positive finite number' : `a number in (0, ${max}]`;
  throw new TypeError(`expected ${name} to be ${range}, got ${describeValue(value)}`);
}

/** Checks the options up front: a wrong one is a TypeError that names it (never echoing the secret). */
export function resolveReceiverOptions(options: CallbackReceiverOptions): ResolvedReceiverOptions {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(
      `expected the options of createCallbackReceiver to be an object, got ${describeValue(options)}`,
    );
  for (const key of Object.keys(options)) {
    if (KNOWN.includes(key)) continue;
    const guess = didYouMean(key, KNOWN);
    throw new TypeError(`unknown option ${key}${guess ? `: did you mean ${guess}?` : ''}`);
  }
  const { callbackSecret, on } = options;
  if (typeof callbackSecret !== 'string' || callbackSecret === '')
    // never the secret itself: only what kind of value it was
    throw new TypeError(
      `expected callbackSecret to be a non-empty string (the ServerSecret of your project), got ${describeKind(callbackSecret)}`,
    );
  if (typeof on !== 'object' || on === null || Array.isArray(on))
    throw new TypeError(`expected on to be an object of handlers, got ${describeValue(on)}`);
  for (const [name, handler] of Object.entries(on)) {
    if (name !== '*' && !Object.hasOwn(CALLBACK_SPECS, name)) {
      const guess = didYouMean(name, Object.keys(CALLBACK_SPECS));
      throw new TypeError(
        `unknown event on.${name}${guess ? `: did you mean on.${guess}?` : ''} (documented: ${Object.keys(CALLBACK_SPECS).join(', ')}; '*' for any)`,
      );
    }
    if (typeof handler !== 'function')
      throw new TypeError(`expected on.${name} to be a function, got ${describeValue(handler)}`);
  }
  const fallback = options.beforeSendFallback ?? CALLBACK_DEFAULTS.beforeSendFallback;
  if (toVerdict(fallback).result !== (fallback as { result?: unknown })?.result)
    throw new TypeError(
      `expected beforeSendFallback to be { result: 0 | 1 | 2 | 3, reason? }, got ${describeValue(fallback)}`,
    );
  const maxAgeSeconds = options.maxAgeSeconds ?? CALLBACK_DEFAULTS.maxAgeSeconds;
  if (!(typeof maxAgeSeconds === 'number' && maxAgeSeconds > 0))
    throw new TypeError(
      `expected maxAgeSeconds to be a positive number, got ${describeValue(maxAgeSeconds)}`,
    );
  if (options.now !== undefined && typeof options.now !== 'function')
    throw new TypeError(
      `expected now to be a function returning milliseconds, got ${describeValue(options.now)}`,
    );
  if (options.hooks !== undefined && (typeof options.hooks !== 'object' || options.hooks === null))
    throw new TypeError(`expected hooks to be an object of functions, got ${describeValue(options.hooks)}`);
  return {
    callbackSecret,
    on,
    dedupeTtlMs: positive('dedupeTtlMs', options.dedupeTtlMs ?? CALLBACK_DEFAULTS.dedupeTtlMs),
    beforeSendTimeoutMs: positive(
      'beforeSendTimeoutMs',
      options.beforeSendTimeoutMs ?? CALLBACK_DEFAULTS.beforeSendTimeoutMs,
      2500,
    ),
    beforeSendFallback: toVerdict(fallback),
    maxAgeSeconds,
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes ?? CALLBACK_DEFAULTS.maxBodyBytes),
    redis: resolveCallbackRedis(options.redis),
    hooks: options.hooks ?? {},
    now: options.now ?? Date.now,
  };
}
