import type { ZimAction } from '../generated/actions.js';

/**
 * A limit as users write it in `limits`. Fields left out keep the documented default.
 *
 * @public
 */
export interface LimitSpec {
  /** Calls (units) per second the server accepts: any positive rate (0.5 is one call per 2 s). */
  readonly perSecond?: number;
  /**
   * The most calls sent back to back: with `burst` below `perSecond`, at most `burst` go out in
   * any `burst / perSecond` seconds, so calls are spread over the second. @default perSecond, rounded down (at least 1)
   */
  readonly burst?: number;
  /** Who shares the limit: the app, or each group or room (keyed by GroupId / RoomId). @default 'app' */
  readonly scope?: 'app' | 'group' | 'room';
  /** Calls allowed in any 24 hours; spent, the call fails fast with `ZimQuotaError`. @default none */
  readonly dailyQuota?: number;
}

/**
 * `limits` option: per action, a spec merged over the documented default, or `false` for no limit.
 * Keys are documented actions, or `C`, the actions listed in `customActions`.
 *
 * @public
 */
export type LimitsOption<C extends string = never> = {
  readonly [A in ZimAction | C]?: LimitSpec | false;
};

/** A limit after defaults are merged and values checked. */
export interface ResolvedLimit {
  readonly perSecond: number;
  readonly burst: number;
  readonly scope: 'app' | 'group' | 'room';
  readonly unit: 'request' | 'message';
  readonly dailyQuota: number | undefined;
}
