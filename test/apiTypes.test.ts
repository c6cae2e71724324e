// Type tests for every documented action, checked by `tsc` (npm test's typecheck): a call with the
// parameters the official documents require compiles; leaving one out does not. The calls were
// written from spec/zim-api.json once; they are never run.
import { describe, expectTypeOf, it } from 'vitest';
import { ZIM_ACTIONS, type ZimAction, type ZimApi, type ZimClient } from '../src/index.js';

/** With what the documents require, each of the 72 actions compiles. */
function withRequired(zim: ZimClient) {
  zim.call('AddFriends', { FromUserId: 'u1', FriendInfos: [{ UserId: 'u1' }] });
  zim.call('AddUsersToBlacklist', { FromUserId: 'u1', UserIds: ['u1'] });
  zim.call('C2cDeliveryReceipt', { FromUserId: 'u1', ConvId: 'u1', ConvMsgSeq: [1] });
  zim.call('C2cReadReceipt', { FromUserId: 'u1', ConvId: 'u1', ConvMsgSeq: [1] });
  zim.call('CallAccept', { FromUserId: 'u1', CallId: 'u1' });
  zim.call('CallInvite', { FromUserId: 'u1', UserIds: ['u1'], OfflinePush: {} });
  zim.call('CallReject', { FromUserId: 'u1', CallId: 'u1' });
  zim.call('CgiDescribeZIMAudioLicense', {});
  zim.call('CheckFriendsRelation', { FromUserId: 'u1', UserIds: ['u1'], CheckType: 0 });
  zim.call('CheckUsersIsInBlacklist', { FromUserId: 'u1', UserIds: ['u1'] });
  zim.call('ClearConversationUnread', { FromUserId: 'u1', ConvId: 'u1', ConvType: 0 });
  zim.call('ClearMemberGroupMessage', { FromUserId: 'u1', GroupId: 'u1' });
  zim.call('ClearPeerMessage', { FromUserId: 'u1', ToUserId: 'u1' });
  zim.call('ConvPinned', { FromUserId: 'u1', ConvList: [{ ConvId: 'u1', ConvType: 0 }], PinnedType: 0 });
  zim.call('CreateGroup', { GroupOwner: 'x' });
  zim.call('CreateRoom', { FromUserId: 'u1', RoomId: 'u1' });
  zim.call('DeleteAllFriends', { FromUserId: 'u1', DeleteType: 0 });
  zim.call('DeleteConv', { FromUserId: 'u1', ConvId: 'u1', ConvType: 0 });
  zim.call('DeleteFriends', { FromUserId: 'u1', UserIds: ['u1'], DeleteType: 0 });
  zim.call('DestroyRoom', { RoomId: 'u1' });
  zim.call('DismissGroup', { FromUserId: 'u1', GroupId: 'u1' });
  zim.call('EditC2cMsgBody', {
    FromUserId: 'u1',
    SenderId: 'u1',
    ConvId: 'u1',
    MsgType: 1,
    ConvMsgSeq: 1,
    EditType: 1,
  });
  zim.call('EditGroupMsgBody', {
    FromUserId: 'u1',
    SenderId: 'u1',
    ConvId: 'u1',
    MsgType: 1,
    ConvMsgSeq: 1,
    EditType: 1,
  });
  zim.call('FetchForbidGroupList', { FromUserId: 'u1', StartFlag: 1 });
  zim.call('GroupDeliveryReceipt', { FromUserId: 'u1', GroupId: 'u1', ConvMsgSeq: [1] });
  zim.call('GroupReadReceipt', { FromUserId: 'u1', GroupId: 'u1', ConvMsgSeq: [1] });
  zim.call('ImportGroupMsg', {
    FromUserId: 'u1',
    GroupId: 'u1',
    MessageType: 1,
    Priority: 1,
    MessageBody: {},
  });
  zim.call('ImportPeerMsg', {
    FromUserId: 'u1',
    ToUserId: 'u1',
    MessageType: 1,
    Priority: 1,
    MessageBody: {},
    ImportedUserId: 'u1',
  });
  zim.call('InviteUsersIntoGroup', {
    FromUserId: 'u1',
    GroupId: 'u1',
    UserIds: ['u1'],
    GroupMemberInfos: [{ UserId: 'u1' }],
  });
  zim.call('KickoutGroupUser', { FromUserId: 'u1', GroupId: 'u1', UserId: ['u1'] });
  zim.call('KickoutRoomUser', { RoomId: 'u1', UserId: ['u1'] });
  zim.call('ModifyGroupAttribute', {
    Action: 1,
    FromUserId: 'u1',
    GroupId: 'u1',
    Attributes: [{ Key: 'x' }],
  });
  zim.call('ModifyGroupLimit', { FromUserId: 'u1', GroupId: 'u1' });
  zim.call('ModifyRoomAttribute', { FromUserId: 'u1', RoomId: 'u1', Attributes: [{ Action: 0, Key: 'x' }] });
  zim.call('ModifyUserInfo', { UserInfo: [{ UserId: 'u1' }] });
  zim.call('MuteGroup', { FromUserId: 'u1', GroupId: 'u1' });
  zim.call('MuteGroupMembers', { FromUserId: 'u1', GroupId: 'u1', UserIds: ['u1'] });
  zim.call('QueryAppCommunityList', {});
  zim.call('QueryAppGroupList', {});
  zim.call('QueryBlacklist', { FromUserId: 'u1', Limit: 1, Next: 1 });
  zim.call('QueryConversationList', { FromUserId: 'u1' });
  zim.call('QueryFriendList', { FromUserId: 'u1', Limit: 1, Next: 1 });
  zim.call('QueryGroupInfo', { FromUserId: 'u1', GroupId: 'u1' });
  zim.call('QueryGroupMemberList', { GroupId: 'u1' });
  zim.call('QueryGroupMsg', { GroupId: 'u1' });
  zim.call('QueryGroupsInfoOfUser', { FromUserId: 'u1', Limit: 1 });
  zim.call('QueryMessagesByMsgSeq', { FromUserId: 'u1', ConvId: 'u1', ConvType: 0, MsgSeqList: [1] });
  zim.call('QueryPeerMsg', { FromUserId: 'u1', ToUserId: 'u1' });
  zim.call('QueryRoomAttribute', { FromUserId: 'u1', RoomId: 'u1' });
  zim.call('QueryRoomMembers', { UserId: ['u1'], RoomId: 'u1' });
  zim.call('QueryRoomUserList', { RoomId: 'u1' });
  zim.call('QueryUserInfos', { UserIds: ['u1'] });
  zim.call('QueryUserOnlineState', { UserId: ['u1'] });
  zim.call('RemoveUsersFromBlacklist', { FromUserId: 'u1', UserIds: ['u1'] });
  zim.call('RevokeGroupMessage', { FromUserId: 'u1', GroupId: 'u1', MsgSeq: 1 });
  zim.call('RevokePeerMessage', { FromUserId: 'u1', ToUserId: 'u1', MsgSeq: 1 });
  zim.call('RevokeRoomMessage', { FromUserId: 'u1', RoomId: 'u1', MsgSeq: 1 });
  zim.call('RobotRegister', { UserInfo: [{ UserId: 'u1' }] });
  zim.call('SendFriendApplication', { FromUserId: 'u1', FriendInfos: [{ UserId: 'u1' }] });
  zim.call('SendGroupMessage', {
    FromUserId: 'u1',
    GroupId: 'u1',
    MessageType: 1,
    Priority: 1,
    MessageBody: {},
  });
  zim.call('SendMessageToAllUsers', { FromUserId: 'u1', MessageType: 1, MessageBody: {} });
  zim.call('SendPeerMessage', {
    FromUserId: 'u1',
    ToUserId: ['u1'],
    MessageType: 1,
    Priority: 1,
    MessageBody: {},
  });
  zim.call('SendRoomMessage', {
    FromUserId: 'u1',
    RoomId: 'u1',
    MessageType: 1,
    Priority: 1,
    MessageBody: {},
  });
  zim.call('SetConvMark', { FromUserId: 'u1', ConvMarkInfoList: [{ UserId: 'u1', Action: true }] });
  zim.call('SetGroupMemberRole', { FromUserId: 'u1', GroupId: 'u1', ToUserId: 'u1', Role: 2 });
  zim.call('SetGroupMembersNickname', {
    FromUserId: 'u1',
    GroupId: 'u1',
    UserIds: [{ UserId: 'u1', Nickname: 'x' }],
  });
  zim.call('SilenceConvNotification', { FromUserId: 'u1', ConvType: 0, ConvIds: ['u1'], Enable: true });
  zim.call('TransferGroupOwner', { FromUserId: 'u1', GroupId: 'u1', NewOwner: 'x' });
  zim.call('UpdateFriendAttributes', {
    FromUserId: 'u1',
    UserId: 'u1',
    Attributes: [{ Key: 'k0', Value: 'x' }],
  });
  zim.call('UpdateFriendsAlias', { FromUserId: 'u1', UserIds: [{ UserId: 'u1' }] });
  zim.call('UpdateGroupData', { FromUserId: 'u1', GroupId: 'u1' });
  zim.call('UserRegister', { UserInfo: [{ UserId: 'u1' }] });
  // No parameter required: they may be left out.
  zim.call('CgiDescribeZIMAudioLicense');
  zim.call('QueryAppCommunityList');
  zim.call('QueryAppGroupList');
}

/** Without one required parameter, each action that has one does not. */
function withoutOne(zim: ZimClient) {
  // @ts-expect-error FriendInfos is required
  zim.call('AddFriends', { FromUserId: 'u1' });
  // @ts-expect-error UserIds is required
  zim.call('AddUsersToBlacklist', { FromUserId: 'u1' });
  // @ts-expect-error ConvMsgSeq is required
  zim.call('C2cDeliveryReceipt', { FromUserId: 'u1', ConvId: 'u1' });
  // @ts-expect-error ConvMsgSeq is required
  zim.call('C2cReadReceipt', { FromUserId: 'u1', ConvId: 'u1' });
  // @ts-expect-error CallId is required
  zim.call('CallAccept', { FromUserId: 'u1' });
  // @ts-expect-error OfflinePush is required
  zim.call('CallInvite', { FromUserId: 'u1', UserIds: ['u1'] });
  // @ts-expect-error CallId is required
  zim.call('CallReject', { FromUserId: 'u1' });
  // @ts-expect-error CheckType is required
  zim.call('CheckFriendsRelation', { FromUserId: 'u1', UserIds: ['u1'] });
  // @ts-expect-error UserIds is required
  zim.call('CheckUsersIsInBlacklist', { FromUserId: 'u1' });
  // @ts-expect-error ConvType is required
  zim.call('ClearConversationUnread', { FromUserId: 'u1', ConvId: 'u1' });
  // @ts-expect-error GroupId is required
  zim.call('ClearMemberGroupMessage', { FromUserId: 'u1' });
  // @ts-expect-error ToUserId is required
  zim.call('ClearPeerMessage', { FromUserId: 'u1' });
  // @ts-expect-error PinnedType is required
  zim.call('ConvPinned', { FromUserId: 'u1', ConvList: [{ ConvId: 'u1', ConvType: 0 }] });
  // @ts-expect-error GroupOwner is required
  zim.call('CreateGroup', {});
  // @ts-expect-error RoomId is required
  zim.call('CreateRoom', { FromUserId: 'u1' });
  // @ts-expect-error DeleteType is required
  zim.call('DeleteAllFriends', { FromUserId: 'u1' });
  // @ts-expect-error ConvType is required
  zim.call('DeleteConv', { FromUserId: 'u1', ConvId: 'u1' });
  // @ts-expect-error DeleteType is required
  zim.call('DeleteFriends', { FromUserId: 'u1', UserIds: ['u1'] });
  // @ts-expect-error RoomId is required
  zim.call('DestroyRoom', {});
  // @ts-expect-error GroupId is required
  zim.call('DismissGroup', { FromUserId: 'u1' });
  // @ts-expect-error EditType is required
  zim.call('EditC2cMsgBody', { FromUserId: 'u1', SenderId: 'u1', ConvId: 'u1', MsgType: 1, ConvMsgSeq: 1 });
  // @ts-expect-error EditType is required
  zim.call('EditGroupMsgBody', { FromUserId: 'u1', SenderId: 'u1', ConvId: 'u1', MsgType: 1, ConvMsgSeq: 1 });
  // @ts-expect-error StartFlag is required
  zim.call('FetchForbidGroupList', { FromUserId: 'u1' });
  // @ts-expect-error ConvMsgSeq is required
  zim.call('GroupDeliveryReceipt', { FromUserId: 'u1', GroupId: 'u1' });
  // @ts-expect-error ConvMsgSeq is required
  zim.call('GroupReadReceipt', { FromUserId: 'u1', GroupId: 'u1' });
  // @ts-expect-error MessageBody is required
  zim.call('ImportGroupMsg', { FromUserId: 'u1', GroupId: 'u1', MessageType: 1, Priority: 1 });
  // @ts-expect-error ImportedUserId is required
  zim.call('ImportPeerMsg', {
    FromUserId: 'u1',
    ToUserId: 'u1',
    MessageType: 1,
    Priority: 1,
    MessageBody: {},
  });
  // @ts-expect-error GroupMemberInfos is required
  zim.call('InviteUsersIntoGroup', { FromUserId: 'u1', GroupId: 'u1', UserIds: ['u1'] });
  // @ts-expect-error UserId is required
  zim.call('KickoutGroupUser', { FromUserId: 'u1', GroupId: 'u1' });
  // @ts-expect-error UserId is required
  zim.call('KickoutRoomUser', { RoomId: 'u1' });
  // @ts-expect-error Attributes is required
  zim.call('ModifyGroupAttribute', { Action: 1, FromUserId: 'u1', GroupId: 'u1' });
  // @ts-expect-error GroupId is required
  zim.call('ModifyGroupLimit', { FromUserId: 'u1' });
  // @ts-expect-error Attributes is required
  zim.call('ModifyRoomAttribute', { FromUserId: 'u1', RoomId: 'u1' });
  // @ts-expect-error UserInfo is required
  zim.call('ModifyUserInfo', {});
  // @ts-expect-error GroupId is required
  zim.call('MuteGroup', { FromUserId: 'u1' });
  // @ts-expect-error UserIds is required
  zim.call('MuteGroupMembers', { FromUserId: 'u1', GroupId: 'u1' });
  // @ts-expect-error Next is required
  zim.call('QueryBlacklist', { FromUserId: 'u1', Limit: 1 });
  // @ts-expect-error FromUserId is required
  zim.call('QueryConversationList', {});
  // @ts-expect-error Next is required
  zim.call('QueryFriendList', { FromUserId: 'u1', Limit: 1 });
  // @ts-expect-error GroupId is required
  zim.call('QueryGroupInfo', { FromUserId: 'u1' });
  // @ts-expect-error GroupId is required
  zim.call('QueryGroupMemberList', {});
  // @ts-expect-error GroupId is required
  zim.call('QueryGroupMsg', {});
  // @ts-expect-error Limit is required
  zim.call('QueryGroupsInfoOfUser', { FromUserId: 'u1' });
  // @ts-expect-error MsgSeqList is required
  zim.call('QueryMessagesByMsgSeq', { FromUserId: 'u1', ConvId: 'u1', ConvType: 0 });
  // @ts-expect-error ToUserId is required
  zim.call('QueryPeerMsg', { FromUserId: 'u1' });
  // @ts-expect-error RoomId is required
  zim.call('QueryRoomAttribute', { FromUserId: 'u1' });
  // @ts-expect-error RoomId is required
  zim.call('QueryRoomMembers', { UserId: ['u1'] });
  // @ts-expect-error RoomId is required
  zim.call('QueryRoomUserList', {});
  // @ts-expect-error UserIds is required
  zim.call('QueryUserInfos', {});
  // @ts-expect-error UserId is required
  zim.call('QueryUserOnlineState', {});
  // @ts-expect-error UserIds is required
  zim.call('RemoveUsersFromBlacklist', { FromUserId: 'u1' });
  // @ts-expect-error MsgSeq is required
  zim.call('RevokeGroupMessage', { FromUserId: 'u1', GroupId: 'u1' });
  // @ts-expect-error MsgSeq is required
  zim.call('RevokePeerMessage', { FromUserId: 'u1', ToUserId: 'u1' });
  // @ts-expect-error MsgSeq is required
  zim.call('RevokeRoomMessage', { FromUserId: 'u1', RoomId: 'u1' });
  // @ts-expect-error UserInfo is required
  zim.call('RobotRegister', {});
  // @ts-expect-error FriendInfos is required
  zim.call('SendFriendApplication', { FromUserId: 'u1' });
  // @ts-expect-error MessageBody is required
  zim.call('SendGroupMessage', { FromUserId: 'u1', GroupId: 'u1', MessageType: 1, Priority: 1 });
  // @ts-expect-error MessageBody is required
  zim.call('SendMessageToAllUsers', { FromUserId: 'u1', MessageType: 1 });
  // @ts-expect-error MessageBody is required
  zim.call('SendPeerMessage', { FromUserId: 'u1', ToUserId: ['u1'], MessageType: 1, Priority: 1 });
  // @ts-expect-error MessageBody is required
  zim.call('SendRoomMessage', { FromUserId: 'u1', RoomId: 'u1', MessageType: 1, Priority: 1 });
  // @ts-expect-error ConvMarkInfoList is required
  zim.call('SetConvMark', { FromUserId: 'u1' });
  // @ts-expect-error Role is required
  zim.call('SetGroupMemberRole', { FromUserId: 'u1', GroupId: 'u1', ToUserId: 'u1' });
  // @ts-expect-error UserIds is required
  zim.call('SetGroupMembersNickname', { FromUserId: 'u1', GroupId: 'u1' });
  // @ts-expect-error Enable is required
  zim.call('SilenceConvNotification', { FromUserId: 'u1', ConvType: 0, ConvIds: ['u1'] });
  // @ts-expect-error NewOwner is required
  zim.call('TransferGroupOwner', { FromUserId: 'u1', GroupId: 'u1' });
  // @ts-expect-error Attributes is required
  zim.call('UpdateFriendAttributes', { FromUserId: 'u1', UserId: 'u1' });
  // @ts-expect-error UserIds is required
  zim.call('UpdateFriendsAlias', { FromUserId: 'u1' });
  // @ts-expect-error GroupId is required
  zim.call('UpdateGroupData', { FromUserId: 'u1' });
  // @ts-expect-error UserInfo is required
  zim.call('UserRegister', {});
}

describe('every documented action is typed', () => {
  it('has its parameters and answer in ZimApi, for the 72 actions of ZIM_ACTIONS', () => {
    expectTypeOf<keyof ZimApi>().toEqualTypeOf<ZimAction>();
    expectTypeOf(Object.keys(ZIM_ACTIONS)).toEqualTypeOf<string[]>();
    expectTypeOf(withRequired).toBeFunction();
    expectTypeOf(withoutOne).toBeFunction();
  });
});
