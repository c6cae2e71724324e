import { GroupRecord } from '../MockState.js';
import { findGroup } from './findGroup.js';
import type { Handler } from './Handler.js';
import { page } from './paging.js';
import { bool, byteLength, list, num, numbers, objects, str } from './params.js';
import { isResult, ok, refuse } from './results.js';

/** ZIM's default number of group attributes. */
const MAX_ATTRIBUTES = 10;

/** CreateGroup: `GroupOwner` (registered), members in `UserId`; unregistered members go to ErrorUsers. */
const CreateGroup: Handler = ({ params, state, serverNowMs }) => {
  const owner = str(params, 'GroupOwner');
  if (!state.users.has(owner)) return refuse(660600013);
  const requested = str(params, 'GroupId');
  if (requested !== '' && state.groups.has(requested)) return refuse(660600011);
  const attributes = objects(params, 'Attributes');
  if (attributes.length > MAX_ATTRIBUTES) return refuse(660600019);
  for (const a of attributes)
    if (byteLength(String(a['Key'])) > 16 || byteLength(String(a['Value'])) > 1024) return refuse(660600020);
  const group = new GroupRecord(requested === '' ? state.newGroupId() : requested, owner, serverNowMs);
  group.GroupName = str(params, 'GroupName');
  group.GroupNotice = str(params, 'GroupNotice');
  group.GroupAvatar = str(params, 'GroupAvatar');
  for (const a of attributes) group.Attributes.set(String(a['Key']), String(a['Value']));
  group.join(owner, serverNowMs, 1);
  const errorUsers: { UserId: string; SubCode: number }[] = [];
  for (const userId of list(params, 'UserId')) {
    if (state.users.has(userId)) group.join(userId, serverNowMs);
    else errorUsers.push({ UserId: userId, SubCode: 660600017 });
  }
  state.groups.set(group.GroupId, group);
  const members = group.MemberIds.map((id) => ({
    UserId: id,
    UserName: state.users.get(id)?.UserName ?? '',
  }));
  return ok({ GroupId: group.GroupId, Members: members, ErrorUsers: errorUsers });
};

/** DismissGroup: the group and its messages are gone. */
const DismissGroup: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  ctx.state.groups.delete(group.GroupId);
  return ok();
};

/** InviteUsersIntoGroup: adds `GroupMemberInfos` and `UserIds`; unregistered or over the limit go to ErrorUsers. */
const InviteUsersIntoGroup: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const infos = objects(ctx.params, 'GroupMemberInfos');
  const ids = [...new Set([...list(ctx.params, 'UserIds'), ...infos.map((i) => String(i['UserId']))])];
  const errorUsers: { UserId: string; SubCode: number }[] = [];
  for (const userId of ids) {
    if (!ctx.state.users.has(userId)) errorUsers.push({ UserId: userId, SubCode: 660500002 });
    else if (
      group.MemberCountLimit > 0 &&
      group.Members.size >= group.MemberCountLimit &&
      !group.Members.has(userId)
    )
      errorUsers.push({ UserId: userId, SubCode: 660000011 });
    else group.join(userId, ctx.serverNowMs);
  }
  return ok({ ErrorUsers: errorUsers });
};

/** KickoutGroupUser: removes the members in `UserId`; others go to ErrorList (660600008). */
const KickoutGroupUser: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const errors: { UserId: string; SubCode: number }[] = [];
  for (const userId of list(ctx.params, 'UserId')) {
    if (userId === group.OwnerId || !group.Members.delete(userId))
      errors.push({ UserId: userId, SubCode: 660600008 });
  }
  return ok({ ErrorList: errors });
};

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

/** SetGroupMemberRole: Role 2 (admin) or 3 (member) for a member other than FromUserId. */
const SetGroupMemberRole: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const to = str(ctx.params, 'ToUserId');
  if (to === str(ctx.params, 'FromUserId')) return refuse(660600030);
  const member = group.Members.get(to);
  if (member === undefined) return refuse(660600024, `${to} is not in group ${group.GroupId}`);
  const role = num(ctx.params, 'Role', 3);
  if (role === 1 || member.Role === 1) return refuse(660600029);
  member.Role = role === 2 ? 2 : 3;
  return ok();
};

/** SetGroupMembersNickname: users not in the group go to ErrorUsers (660600024). */
const SetGroupMembersNickname: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const errorUsers: { UserId: string; SubCode: number }[] = [];
  for (const item of objects(ctx.params, 'UserIds')) {
    const member = group.Members.get(String(item['UserId']));
    if (member === undefined) errorUsers.push({ UserId: String(item['UserId']), SubCode: 660600024 });
    else member.Nickname = String(item['Nickname'] ?? '');
  }
  return ok({ ErrorUsers: errorUsers });
};

/** TransferGroupOwner: the new owner must be a member; the old owner becomes a member. */
const TransferGroupOwner: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const next = group.Members.get(str(ctx.params, 'NewOwner'));
  if (next === undefined) return refuse(660600024, `${str(ctx.params, 'NewOwner')} is not in the group`);
  const previous = group.Members.get(group.OwnerId);
  if (previous !== undefined) previous.Role = 3;
  next.Role = 1;
  group.OwnerId = next.UserId;
  return ok();
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

/** QueryGroupInfo: the group's data, limits, mute state and attributes. */
const QueryGroupInfo: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  return ok({
    GroupId: group.GroupId,
    GroupName: group.GroupName,
    GroupNotice: group.GroupNotice,
    GroupAvatar: group.GroupAvatar,
    GroupDataSeq: group.DataSeq,
    IsAllForbid: group.IsAllMuted,
    ForbidList: group.MuteRoleList,
    ForbidExpireTime: group.MutedUntil <= 0 ? group.MutedUntil : Math.floor(group.MutedUntil / 1000),
    LimitInfo: {
      MemberCountLimit: group.MemberCountLimit,
      JoinMode: group.JoinMode,
      InviteMode: group.InviteMode,
      BeInvitedMode: group.BeInvitedMode,
      NumberMessage: group.Messages.length,
    },
    GroupCreateTime: Math.floor(group.CreatedAt / 1000),
    GroupAttributes: [...group.Attributes].map(([Key, Value]) => ({ Key, Value })),
  });
};

/** QueryGroupMemberList: `Limit` (0 means 1000) members from page `Next`, with Role and nickname. */
const QueryGroupMemberList: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const { slice, next } = page(group.MemberIds, ctx.params, 1000);
  return ok({
    TotalCount: group.Members.size,
    Next: next,
    MemberList: slice.map((userId) => ({
      UserId: userId,
      UserName: ctx.state.users.get(userId)?.UserName ?? '',
      UserNickName: group.Members.get(userId)?.Nickname ?? '',
      Role: group.Members.get(userId)?.Role ?? 3,
    })),
  });
};

/** QueryAppGroupList: every group of the app, `Limit` (0 means 10000) from page `Next`. */
const QueryAppGroupList: Handler = ({ params, state }) => {
  const groups = [...state.groups.values()];
  const { slice, next } = page(groups, params, 10000);
  return ok({
    TotalCount: groups.length,
    Next: next,
    GroupIdList: slice.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName })),
  });
};

/** QueryAppCommunityList: the mock has no communities. */
const QueryAppCommunityList: Handler = () => ok({ TotalCount: 0, Next: 0, CommunityIdList: [] });

/** QueryGroupsInfoOfUser: the groups FromUserId is in, `Limit` from the offset in `Next` ('' first). */
const QueryGroupsInfoOfUser: Handler = ({ params, state }) => {
  const from = str(params, 'FromUserId');
  const groups = [...state.groups.values()].filter((g) => g.Members.has(from));
  const start = Number.parseInt(str(params, 'Next') || '0', 10) || 0;
  const limit = num(params, 'Limit', 100);
  const slice = groups.slice(start, start + limit);
  return ok({
    NextRsp: start + limit < groups.length ? String(start + limit) : '',
    HasJoinGroupNum: groups.length,
    GroupInfoList: slice.map((g) => ({
      GroupId: g.GroupId,
      GroupName: g.GroupName,
      GroupAvatar: g.GroupAvatar,
    })),
  });
};

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
  const start = num(params, 'StartFlag', 0);
  const slice = muted.slice(start, start + 100);
  const end = start + 100 >= muted.length;
  return ok({ FetchEnd: end ? 1 : 0, NextFlag: end ? 0 : start + 100, GroupList: slice });
};

/** The groups domain. */
export const groupHandlers: Readonly<Record<string, Handler>> = {
  CreateGroup,
  DismissGroup,
  InviteUsersIntoGroup,
  KickoutGroupUser,
  ModifyGroupAttribute,
  ModifyGroupLimit,
  MuteGroup,
  MuteGroupMembers,
  SetGroupMemberRole,
  SetGroupMembersNickname,
  TransferGroupOwner,
  UpdateGroupData,
  QueryGroupInfo,
  QueryGroupMemberList,
  QueryAppGroupList,
  QueryAppCommunityList,
  QueryGroupsInfoOfUser,
  FetchForbidGroupList,
};
