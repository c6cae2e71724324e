import { GroupRecord } from '../MockState.js';
import { findGroup } from './findGroup.js';
import type { Handler } from './Handler.js';
import { byteLength, list, num, objects, str } from './params.js';
import { isResult, ok, refuse } from './results.js';

/** ZIM's default number of group attributes. */
const MAX_ATTRIBUTES = 10;

/** CreateGroup: `GroupOwner` (registered), members in `UserId`; unregistered members go to ErrorUsers. */
const CreateGroup: Handler = ({ params, state, serverNowMs, emit }) => {
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
  emit?.('group_create', {
    group_id: group.GroupId,
    operator_account: str(params, 'FromUserId') || owner,
    owner_account: owner,
    group_name: group.GroupName,
    attributes: [...group.Attributes].map(([key, value]) => ({ key, value })),
    user_ids: group.MemberIds,
  });
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
  ctx.emit?.('group_destroy', {
    group_id: group.GroupId,
    operator_account: str(ctx.params, 'FromUserId'),
    owner_account: group.OwnerId,
    user_ids: group.MemberIds,
  });
  return ok();
};

/** InviteUsersIntoGroup: adds `GroupMemberInfos` and `UserIds`; unregistered or over the limit go to ErrorUsers. */
const InviteUsersIntoGroup: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const infos = objects(ctx.params, 'GroupMemberInfos');
  const ids = [...new Set([...list(ctx.params, 'UserIds'), ...infos.map((i) => String(i['UserId']))])];
  const errorUsers: { UserId: string; SubCode: number }[] = [];
  const joined: string[] = [];
  for (const userId of ids) {
    if (!ctx.state.users.has(userId)) errorUsers.push({ UserId: userId, SubCode: 660500002 });
    else if (
      group.MemberCountLimit > 0 &&
      group.Members.size >= group.MemberCountLimit &&
      !group.Members.has(userId)
    )
      errorUsers.push({ UserId: userId, SubCode: 660000011 });
    else if (!group.Members.has(userId)) {
      group.join(userId, ctx.serverNowMs);
      joined.push(userId);
    }
  }
  if (joined.length > 0)
    ctx.emit?.('group_join', {
      group_id: group.GroupId,
      operator_account: str(ctx.params, 'FromUserId'),
      join_type: 'Invited',
      new_user_ids: joined,
    });
  return ok({ ErrorUsers: errorUsers });
};

/** KickoutGroupUser: removes the members in `UserId`; others go to ErrorList (660600008). */
const KickoutGroupUser: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const errors: { UserId: string; SubCode: number }[] = [];
  const removed: string[] = [];
  for (const userId of list(ctx.params, 'UserId')) {
    if (userId === group.OwnerId || !group.Members.delete(userId))
      errors.push({ UserId: userId, SubCode: 660600008 });
    else removed.push(userId);
  }
  if (removed.length > 0)
    ctx.emit?.('group_exit', {
      group_id: group.GroupId,
      exit_type: 'Kickout',
      operator_account: str(ctx.params, 'FromUserId'),
      exit_user_ids: removed,
    });
  return ok({ ErrorList: errors });
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

/** The groups domain: lifecycle, members and roles. */
export const groupHandlers: Readonly<Record<string, Handler>> = {
  CreateGroup,
  DismissGroup,
  InviteUsersIntoGroup,
  KickoutGroupUser,
  SetGroupMemberRole,
  SetGroupMembersNickname,
  TransferGroupOwner,
};
