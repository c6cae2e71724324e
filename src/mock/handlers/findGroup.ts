import type { GroupRecord } from '../MockState.js';
import type { HandlerContext, HandlerResult } from './Handler.js';
import { str } from './params.js';
import { refuse } from './results.js';

/**
 * The group of the call's `GroupId`, or the refusal the action's page lists: no such group
 * (660600001, or 660600009 where only that is listed); FromUserId not a member (660600024,
 * where listed, or always with `memberOnly`); FromUserId neither owner nor admin (660600032,
 * where listed).
 */
export function findGroup(ctx: HandlerContext, memberOnly = false): GroupRecord | HandlerResult {
  const group = ctx.state.groups.get(str(ctx.params, 'GroupId'));
  if (group === undefined)
    return refuse(ctx.codes.has(660600001) || !ctx.codes.has(660600009) ? 660600001 : 660600009);
  const from = ctx.params['FromUserId'];
  if (typeof from !== 'string') return group;
  const member = group.Members.get(from);
  if ((memberOnly || ctx.codes.has(660600024)) && member === undefined)
    return refuse(660600024, `${from} is not in group ${group.GroupId}`);
  if (ctx.codes.has(660600032) && member !== undefined && member.Role === 3) return refuse(660600032);
  return group;
}
