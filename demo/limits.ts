import { ZIM_ACTIONS, type ZimAction } from 'zim-resilience';
import type { DemoOptions } from './args.js';

/** The actions the workload calls, in the order the summary lists them. */
export const DEMO_ACTIONS = [
  'UserRegister',
  'CreateGroup',
  'InviteUsersIntoGroup',
  'QueryGroupMemberList',
  'SendPeerMessage',
  'QueryUserInfos',
  'QueryAppGroupList',
] as const satisfies readonly ZimAction[];

/** The limit one action runs under in this demo, as the server applies it. */
export interface DemoLimit {
  /** Calls per second per scope (the server's, which `--server-limit` may have lowered). */
  readonly perSecond: number;
  /** The most calls per second the whole action may reach: per scope times the groups used. */
  readonly cap: number;
  /** `20/s`, `1/s per group (x8)`. */
  readonly label: string;
}

export function demoLimit(action: string, o: DemoOptions): DemoLimit {
  const documented = ZIM_ACTIONS[action as ZimAction];
  const perSecond = o.serverLimits[action] ?? documented?.perSecond ?? Number.POSITIVE_INFINITY;
  const scoped = documented?.scope === 'group';
  const cap = scoped ? perSecond * o.groups : perSecond;
  const stricter = o.serverLimits[action] !== undefined ? ' (stricter server)' : '';
  const label = scoped ? `${perSecond}/s per group (x${o.groups})` : `${perSecond}/s`;
  return { perSecond, cap, label: label + stricter };
}
