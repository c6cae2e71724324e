import { findGroup } from './findGroup.js';
import type { Handler } from './Handler.js';
import { page } from './paging.js';
import { bool, byteLength, list, num, numbers, objects, str } from './params.js';
import { isResult, ok, refuse } from './results.js';

/** ZIM's default number of group attributes. */
const MAX_ATTRIBUTES = 10;

/** ModifyGroupAttribute: Action 0 sets the keys (at most 10 in all), 1 deletes them. */
const ModifyGroupAttribute: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const failKeys: { Reason: string; Key: string }[] = [];
  const remove = num(ctx.params, 'Action', 0) === 1;
  const items = objects(ctx.params, 'Attributes');
  const total = items.reduce((n, a) => n + byteLength(String(a['Value'] ?? '')), 0);
  if (!remove && total > 16 * 1024) return refuse(660300019);
  for (const a of items) {
    const key = String(a['Key']);
    if (remove) group.Attributes.delete(key);
    else if (!group.Attributes.has(key) && group.Attributes.size >= MAX_ATTRIBUTES)
      failKeys.push({ Key: key, Reason: 'the group has 10 attributes already' });
    else group.Attributes.set(key, String(a['Value'] ?? ''));
  }
  const attributes = [...group.Attributes].map(([Key, Value]) => ({ Key, Value }));
  return ok({ FailKeys: failKeys, Attributes: { Attributes: attributes } });
};

/** ModifyGroupLimit: JoinMode, InviteMode, BeInvitedMode, MemberCountLimit. */
const ModifyGroupLimit: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  group.JoinMode = num(ctx.params, 'JoinMode', group.JoinMode);
  group.InviteMode = num(ctx.params, 'InviteMode', group.InviteMode);
  group.BeInvitedMode = num(ctx.params, 'BeInvitedMode', group.BeInvitedMode);
  group.MemberCountLimit = num(ctx.params, 'MemberCountLimit', group.MemberCountLimit);
  return ok();
};

/** Until when a `Duration` (seconds; -1 for ever; 0 lifts it) mutes. */
function mutedUntil(now: number, duration: number): number {
  return duration < 0 ? -1 : duration === 0 ? 0 : now + duration * 1000;
}

/** MuteGroup: IsAllMuted, MuteRoleList, Duration (FromUserId must be the owner or an admin). */
const MuteGroup: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  group.IsAllMuted = bool(ctx.params, 'IsAllMuted', true);
  group.MuteRoleList = numbers(ctx.params, 'MuteRoleList');
  group.MutedUntil = group.IsAllMuted ? mutedUntil(ctx.serverNowMs, num(ctx.params, 'Duration', -1)) : 0;
  return ok();
};

/** MuteGroupMembers: users not in the group go to ErrorUsers (660600024); all of them is 660600033. */
const MuteGroupMembers: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const ids = list(ctx.params, 'UserIds');
  const until = mutedUntil(ctx.serverNowMs, num(ctx.params, 'Duration', -1));
  const errorUsers: { UserId: string; SubCode: number }[] = [];
  for (const userId of ids) {
    const member = group.Members.get(userId);
    if (member === undefined) errorUsers.push({ UserId: userId, SubCode: 660600024 });
    else member.MutedUntil = until;
  }
  if (ids.length > 0 && errorUsers.length === ids.length)
    return { ...refuse(660600033), fields: { ErrorUsers: errorUsers } };
  return ok({ ErrorUsers: errorUsers });
};

/** UpdateGroupData: GroupName, GroupNotice, GroupAvatar; DataSeq goes up. */
const UpdateGroupData: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  group.GroupName = str(ctx.params, 'GroupName') || group.GroupName;
  group.GroupNotice = str(ctx.params, 'GroupNotice') || group.GroupNotice;
  group.GroupAvatar = str(ctx.params, 'GroupAvatar') || group.GroupAvatar;
  group.DataSeq++;
  return ok();
};

/**
 * Groups per FetchForbidGroupList page. ZEGO's default is 10,000 (adjustable by its support, so a
 * client must not count on it); the mock pages at 100 so a walk over a few hundred groups has pages.
 */
const FORBID_PAGE = 100;

/** FetchForbidGroupList: the groups where FromUserId is muted (ForbidType 1 whole group, 2 the member). */
const FetchForbidGroupList: Handler = ({ params, state, serverNowMs }) => {
  const from = str(params, 'FromUserId');
  const active = (until: number) => until === -1 || until > serverNowMs;
  const muted: { GroupId: string; ForbidType: number }[] = [];
  for (const g of state.groups.values()) {
    const member = g.Members.get(from);
    if (member === undefined) continue;
    if (g.IsAllMuted && active(g.MutedUntil)) muted.push({ GroupId: g.GroupId, ForbidType: 1 });
    else if (active(member.MutedUntil)) muted.push({ GroupId: g.GroupId, ForbidType: 2 });
  }
  const p = page(muted, { StartFlag: params['StartFlag'] }, { cursor: 'StartFlag', max: FORBID_PAGE });
  if (isResult(p)) return p;
  return ok({ FetchEnd: p.next === 0 ? 1 : 0, NextFlag: p.next, GroupList: p.slice });
};

/** The groups domain: attributes, limits, mute and data. */
export const groupSettingHandlers: Readonly<Record<string, Handler>> = {
  ModifyGroupAttribute,
  ModifyGroupLimit,
  MuteGroup,
  MuteGroupMembers,
  UpdateGroupData,
  FetchForbidGroupList,
};
