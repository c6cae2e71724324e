const SETTERS = new Set([
  'UserRegister',
  'ModifyUserInfo',
  'MuteGroup',
  'MuteGroupMembers',
  'SilenceConvNotification',
  'ConvPinned',
  'SetConvMark',
  'SetGroupMemberRole',
  'SetGroupMembersNickname',
  'UpdateGroupData',
  'ModifyGroupLimit',
  'ModifyRoomAttribute',
  'UpdateFriendsAlias',
  'UpdateFriendAttributes',
  'ClearConversationUnread',
]);

/**
 * Whether an action is safe to send twice when a connection drops after writing: queries,
 * checks and setters of a value are; sends, imports, creations, invitations and removals are not
 * (a second SendPeerMessage is a second message). Override per action with `idempotent`.
 */
export function isIdempotentByDefault(action: string): boolean {
  return /^(Query|Check|Fetch|Cgi)/.test(action) || SETTERS.has(action);
}
