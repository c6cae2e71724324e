import { describeKind, describeValue } from '../core/describeValue.js';
import { didYouMean } from '../core/didYouMean.js';
import { ZIM_ACTIONS } from '../generated/actions.js';
import { EXCLUSIVE_FAULT_KINDS } from './faults.js';
import {
  MOCK_DEFAULTS,
  type MockActionLimit,
  type MockFaults,
  type MockLimits,
  type MockZimServerOptions,
  type ResolvedMockFaults,
  type ResolvedMockOptions,
} from './MockZimServerOptions.js';

const OPTION_NAMES = new Set(Object.keys(MOCK_DEFAULTS));
const FAULT_NAMES = new Set(Object.keys(MOCK_DEFAULTS.faults));
const LIMIT_NAMES = new Set(['perSecond', 'scope', 'unit', 'dailyQuota', 'method']);

function fail(name: string, expected: string, value: unknown): never {
  throw new TypeError(`expected ${name} to be ${expected}, got ${describeValue(value)}`);
}

/** For a secret: says what kind of value it got (an empty string, a number), never the value. */
function failSecret(name: string, expected: string, value: unknown): never {
  throw new TypeError(`expected ${name} to be ${expected}, got ${describeKind(value)}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function checkKeys(name: string, value: Record<string, unknown>, known: ReadonlySet<string>): void {
  for (const key of Object.keys(value)) {
    if (!known.has(key)) {
      const guess = didYouMean(key, known);
      const hint = guess ? `: did you mean ${name}${guess}?` : '';
      throw new TypeError(`unknown option ${name}${key}${hint} (known: ${[...known].join(', ')})`);
    }
  }
}

function positiveInteger(name: string, value: unknown): number {
  if (!(typeof value === 'number' && Number.isSafeInteger(value) && value > 0)) {
    fail(name, 'a positive integer', value);
  }
  return value;
}

function nonNegative(name: string, value: unknown): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
    fail(name, 'a non-negative finite number', value);
  }
  return value;
}

function probability(name: string, value: unknown): number {
  if (!(typeof value === 'number' && value >= 0 && value <= 1))
    fail(name, 'a probability between 0 and 1', value);
  return value;
}

/** Checks `faults` (from the options or `server.setFaults`) and fills in the defaults. */
export function validateFaults(faults: MockFaults | undefined, name = 'faults'): ResolvedMockFaults {
  if (faults === undefined) return MOCK_DEFAULTS.faults;
  if (!isPlainObject(faults)) fail(name, 'an object', faults);
  checkKeys(`${name}.`, faults, FAULT_NAMES);
  const d = MOCK_DEFAULTS.faults;
  const p = (key: keyof MockFaults & keyof ResolvedMockFaults): number => {
    const value = faults[key];
    return value === undefined ? (d[key] as number) : probability(`${name}.${key}`, value);
  };
  let actions: readonly string[] | undefined;
  if (faults.actions !== undefined) {
    if (!(Array.isArray(faults.actions) && faults.actions.every((a) => typeof a === 'string' && a !== ''))) {
      fail(`${name}.actions`, 'an array of action names', faults.actions);
    }
    actions = Object.freeze([...faults.actions]);
  }
  const resolved: ResolvedMockFaults = Object.freeze({
    busy: p('busy'),
    gateway: p('gateway'),
    http503: p('http503'),
    resetBeforeAnswer: p('resetBeforeAnswer'),
    resetAfterCommit: p('resetAfterCommit'),
    slow: p('slow'),
    slowMs: faults.slowMs === undefined ? d.slowMs : nonNegative(`${name}.slowMs`, faults.slowMs),
    actions,
  });
  const sum = EXCLUSIVE_FAULT_KINDS.reduce((total, kind) => total + resolved[kind], 0);
  if (sum > 1 + 1e-9) {
    fail(`the sum of ${name}.${EXCLUSIVE_FAULT_KINDS.join('/')}`, 'at most 1', sum);
  }
  return resolved;
}

function validateLimit(action: string, value: unknown): void {
  const name = `limits.${action}`;
  if (value === false) return;
  if (!isPlainObject(value)) fail(name, 'an object or false', value);
  checkKeys(`${name}.`, value, LIMIT_NAMES);
  const limit = value as MockActionLimit;
  if (limit.perSecond !== undefined) positiveInteger(`${name}.perSecond`, limit.perSecond);
  else if (!Object.hasOwn(ZIM_ACTIONS, action)) {
    fail(
      `${name}.perSecond`,
      'a positive integer (required for an action that is not documented)',
      undefined,
    );
  }
  if (limit.scope !== undefined && !['app', 'group', 'room'].includes(limit.scope)) {
    fail(`${name}.scope`, "'app', 'group' or 'room'", limit.scope);
  }
  if (limit.unit !== undefined && !['request', 'message'].includes(limit.unit)) {
    fail(`${name}.unit`, "'request' or 'message'", limit.unit);
  }
  if (limit.method !== undefined && !['GET', 'POST'].includes(limit.method)) {
    fail(`${name}.method`, "'GET' or 'POST'", limit.method);
  }
  if (limit.dailyQuota !== undefined && limit.dailyQuota !== false) {
    positiveInteger(`${name}.dailyQuota`, limit.dailyQuota);
  }
}

function validateLimits(limits: unknown): MockLimits {
  if (!isPlainObject(limits)) fail('limits', 'an object', limits);
  for (const [action, value] of Object.entries(limits)) {
    if (action === '') throw new TypeError('expected limits to have non-empty action names, got ""');
    validateLimit(action, value);
  }
  return Object.freeze({ ...(limits as MockLimits) });
}

/** The callback options, checked: a URL needs a secret; a secret is never echoed. */
function validateCallbacks(o: MockZimServerOptions) {
  const d = MOCK_DEFAULTS;
  let callbackUrl: URL | undefined;
  if (o.callbackUrl !== undefined) {
    try {
      callbackUrl = new URL(o.callbackUrl);
    } catch {
      callbackUrl = undefined;
    }
    if (callbackUrl === undefined || !['http:', 'https:'].includes(callbackUrl.protocol))
      fail('callbackUrl', 'an http:// or https:// URL', o.callbackUrl);
  }
  const secret = o.callbackSecret;
  if (secret !== undefined && (typeof secret !== 'string' || secret === ''))
    failSecret('callbackSecret', 'a non-empty string', secret);
  if (callbackUrl !== undefined && secret === undefined)
    fail('callbackSecret', 'a non-empty string (required with callbackUrl)', undefined);
  const scale = o.callbackTimeScale ?? d.callbackTimeScale;
  if (!(typeof scale === 'number' && Number.isFinite(scale) && scale > 0))
    fail('callbackTimeScale', 'a positive finite number', scale);
  const timeoutMs = o.callbackTimeoutMs ?? d.callbackTimeoutMs;
  if (!(typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0))
    fail('callbackTimeoutMs', 'a positive finite number', timeoutMs);
  const unit = o.callbackTimestampUnit ?? d.callbackTimestampUnit;
  if (unit !== 's' && unit !== 'ms') fail('callbackTimestampUnit', "'s' or 'ms'", unit);
  const beforeSend = o.callbackBeforeSend ?? d.callbackBeforeSend;
  if (typeof beforeSend !== 'boolean') fail('callbackBeforeSend', 'a boolean', beforeSend);
  if (beforeSend && callbackUrl === undefined)
    fail('callbackUrl', 'a URL (callbackBeforeSend needs one)', undefined);
  return {
    callbackUrl,
    callbackSecret: secret,
    callbackTimeScale: scale,
    callbackTimeoutMs: timeoutMs,
    callbackTimestampUnit: unit,
    callbackBeforeSend: beforeSend,
  };
}

/** Checks every option up front (a wrong one is a TypeError that names it) and fills in the defaults. */
export function validateOptions(options: MockZimServerOptions = {}): ResolvedMockOptions {
  if (!isPlainObject(options)) fail('options', 'an object', options);
  checkKeys('', options, OPTION_NAMES);
  const d = MOCK_DEFAULTS;
  const o: MockZimServerOptions = options;
  const appId = o.appId ?? d.appId;
  if (!(typeof appId === 'number' && Number.isSafeInteger(appId) && appId > 0 && appId <= 0xffffffff)) {
    fail('appId', 'a positive integer up to 4294967295', appId);
  }
  const serverSecret = o.serverSecret ?? d.serverSecret;
  if (typeof serverSecret !== 'string' || serverSecret === '') {
    // The secret itself is never echoed: only what kind of value it was.
    failSecret('serverSecret', 'a non-empty string', serverSecret);
  }
  const host = o.host ?? d.host;
  if (typeof host !== 'string' || host === '') fail('host', 'a non-empty string', host);
  const port = o.port ?? d.port;
  if (!(typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535))
    fail('port', 'an integer from 0 to 65535', port);
  const clockOffsetMs = o.clockOffsetMs ?? d.clockOffsetMs;
  if (!(typeof clockOffsetMs === 'number' && Number.isFinite(clockOffsetMs))) {
    fail('clockOffsetMs', 'a finite number', clockOffsetMs);
  }
  const appLimitPerSecond = o.appLimitPerSecond ?? d.appLimitPerSecond;
  if (appLimitPerSecond !== false) positiveInteger('appLimitPerSecond', appLimitPerSecond);
  const latencyMs = o.latencyMs === undefined ? d.latencyMs : nonNegative('latencyMs', o.latencyMs);
  const seed = o.seed ?? d.seed;
  if (!(typeof seed === 'number' && Number.isSafeInteger(seed))) fail('seed', 'an integer', seed);
  const strict = o.strict ?? d.strict;
  if (typeof strict !== 'boolean') fail('strict', 'a boolean', strict);
  const users = o.users ?? d.users;
  if (!Array.isArray(users) || !users.every((u) => typeof u === 'string' && u !== '' && u.length <= 32))
    fail('users', 'an array of UserIds (1 to 32 characters)', users);
  const now = o.now ?? d.now;
  if (typeof now !== 'function') fail('now', 'a function returning milliseconds', now);
  const admin = o.admin ?? d.admin;
  if (typeof admin !== 'boolean') fail('admin', 'a boolean', admin);
  return Object.freeze({
    appId,
    serverSecret,
    host,
    port,
    clockOffsetMs,
    limits: o.limits === undefined ? d.limits : validateLimits(o.limits),
    appLimitPerSecond,
    faults: validateFaults(o.faults),
    seed,
    now,
    latencyMs,
    strict,
    users: Object.freeze([...users]),
    admin,
    ...validateCallbacks(o),
  });
}
