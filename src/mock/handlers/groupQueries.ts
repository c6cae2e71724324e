import { findGroup } from './findGroup.js';
import type { Handler } from './Handler.js';
import { page } from './paging.js';
import { str } from './params.js';
import { isResult, ok } from './results.js';

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
  const p = page(group.MemberIds, ctx.params, { max: 1000 });
  if (isResult(p)) return p;
  const { slice, next } = p;
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
  const p = page(groups, params, { max: 10000 });
  if (isResult(p)) return p;
  const { slice, next } = p;
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
  const p = page(groups, params, { max: 100, string: true });
  if (isResult(p)) return p;
  const { slice, next } = p;
  return ok({
    NextRsp: next,
    HasJoinGroupNum: groups.length,
    GroupInfoList: slice.map((g) => ({
      GroupId: g.GroupId,
      GroupName: g.GroupName,
      GroupAvatar: g.GroupAvatar,
    })),
  });
};

/** The groups domain: queries. */
export const groupQueryHandlers: Readonly<Record<string, Handler>> = {
  QueryGroupInfo,
  QueryGroupMemberList,
  QueryAppGroupList,
  QueryAppCommunityList,
  QueryGroupsInfoOfUser,
};
