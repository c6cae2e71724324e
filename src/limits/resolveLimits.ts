import { ZIM_ACTIONS } from '../generated/actions.js';
import { assertKnownAction } from './assertKnownAction.js';
import type { LimitSpec, LimitsOption, ResolvedLimit } from './LimitSpec.js';

/** A value as an error echoes it: NaN and Infinity as themselves (JSON would say null). */
const show = (v: unknown): string => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)));

const SCOPES = ['app', 'group', 'room'] as const;

function positive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`expected ${name} to be a positive finite number, got ${show(value)}`);
  }
  return value;
}

/**
 * Merges the user's `limits` over the documented ones and checks every value; a wrong one is a
 * TypeError naming it, and so is an action neither documented nor in `custom` (`customActions`).
 */
export function resolveLimits(
  option: LimitsOption<string> | undefined,
  custom: ReadonlySet<string> = new Set(),
): ReadonlyMap<string, ResolvedLimit> {
  if (option !== undefined && (typeof option !== 'object' || option === null || Array.isArray(option))) {
    throw new TypeError(`expected limits to be an object of action names, got ${show(option)}`);
  }
  const out = new Map<string, ResolvedLimit>();
  for (const [action, spec] of Object.entries(ZIM_ACTIONS)) {
    out.set(action, {
      perSecond: spec.perSecond,
      burst: spec.perSecond,
      scope: spec.scope,
      unit: spec.unit,
      dailyQuota: 'dailyQuota' in spec ? spec.dailyQuota : undefined,
    });
  }
  for (const [action, spec] of Object.entries(option ?? {})) {
    assertKnownAction('each key of limits', action, custom);
    if (spec === false) {
      out.delete(action);
      continue;
    }
    if (typeof spec !== 'object' || spec === null) {
      throw new TypeError(`expected limits.${action} to be an object or false, got ${show(spec)}`);
    }
    out.set(action, resolveOne(action, spec, out.get(action)));
  }
  return out;
}

function resolveOne(action: string, spec: LimitSpec, base: ResolvedLimit | undefined): ResolvedLimit {
  const known = new Set(['perSecond', 'burst', 'scope', 'dailyQuota']);
  for (const key of Object.keys(spec)) {
    if (!known.has(key)) throw new TypeError(`unknown option limits.${action}.${key}`);
  }
  if (spec.perSecond === undefined && !base) {
    throw new TypeError(`expected limits.${action}.perSecond to be a positive finite number, got undefined`);
  }
  const perSecond =
    spec.perSecond === undefined ? base!.perSecond : positive(`limits.${action}.perSecond`, spec.perSecond);
  // Any positive rate: below 1/s, one call per 1/perSecond seconds (0.5/s: one per 2 s window).
  const maxBurst = Math.max(1, Math.floor(perSecond));
  const burst = spec.burst === undefined ? maxBurst : positive(`limits.${action}.burst`, spec.burst);
  if (burst > maxBurst || !Number.isInteger(burst)) {
    throw new TypeError(
      `expected limits.${action}.burst to be an integer from 1 to ${maxBurst} (perSecond ${perSecond}), got ${burst}`,
    );
  }
  const scope = spec.scope ?? base?.scope ?? 'app';
  if (!SCOPES.includes(scope)) {
    throw new TypeError(
      `expected limits.${action}.scope to be one of ${SCOPES.join(', ')}, got ${show(scope)}`,
    );
  }
  let dailyQuota = base?.dailyQuota;
  if (spec.dailyQuota !== undefined) {
    dailyQuota = positive(`limits.${action}.dailyQuota`, spec.dailyQuota);
    if (!Number.isInteger(dailyQuota)) {
      throw new TypeError(`expected limits.${action}.dailyQuota to be a positive integer, got ${dailyQuota}`);
    }
  }
  return { perSecond, burst, scope, unit: base?.unit ?? 'request', dailyQuota };
}
