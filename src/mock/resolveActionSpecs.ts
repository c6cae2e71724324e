import { ZIM_ACTIONS } from '../generated/actions.js';
import type { MockLimitScope, MockLimits } from './MockZimServerOptions.js';

/** One action as the mock server enforces it. `undefined` limits are not enforced. */
export interface MockActionSpec {
  readonly method: 'GET' | 'POST';
  readonly perSecond: number | undefined;
  readonly unit: 'request' | 'message';
  readonly scope: MockLimitScope;
  readonly dailyQuota: number | undefined;
}

/** The documented actions with the user's overrides merged over them (validated already). */
export function resolveActionSpecs(limits: MockLimits): ReadonlyMap<string, MockActionSpec> {
  const specs = new Map<string, MockActionSpec>();
  for (const [action, spec] of Object.entries(ZIM_ACTIONS)) {
    specs.set(action, {
      method: spec.method,
      perSecond: spec.perSecond,
      unit: spec.unit,
      scope: spec.scope,
      dailyQuota: 'dailyQuota' in spec ? spec.dailyQuota : undefined,
    });
  }
  for (const [action, override] of Object.entries(limits)) {
    const base: MockActionSpec = specs.get(action) ?? {
      method: 'POST',
      perSecond: undefined,
      unit: 'request',
      scope: 'app',
      dailyQuota: undefined,
    };
    if (override === false) {
      specs.set(action, { ...base, perSecond: undefined, dailyQuota: undefined });
      continue;
    }
    specs.set(action, {
      method: override.method ?? base.method,
      perSecond: override.perSecond ?? base.perSecond,
      unit: override.unit ?? base.unit,
      scope: override.scope ?? base.scope,
      dailyQuota: override.dailyQuota === false ? undefined : (override.dailyQuota ?? base.dailyQuota),
    });
  }
  return specs;
}
