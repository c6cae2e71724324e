import { readFileSync } from 'node:fs';
import type { MockZimServer } from '../../src/mock/index.js';
import type { MockReply } from './mockRequest.js';

/** One action of the API documents (spec/zim-api.json), as the tests read it. */
export interface SpecAction {
  readonly method: 'GET' | 'POST';
  readonly request: { readonly required?: readonly string[]; readonly properties?: Record<string, Schema> };
  readonly response: Schema;
  readonly codes?: readonly number[];
}
/** A JSON Schema node. */
export interface Schema {
  readonly type?: string;
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly items?: Schema;
  readonly properties?: Record<string, Schema>;
  readonly [key: string]: unknown;
}

/** The official API facts, read from the vendored document (not from the mock's generated copy). */
export const SPEC: { readonly actions: Readonly<Record<string, SpecAction>> } = JSON.parse(
  readFileSync(new URL('../../spec/zim-api.json', import.meta.url), 'utf8'),
);

/** Users registered in every world. */
export const WORLD_USERS = ['u1', 'u2', 'u3', 'u4', 'u5'];

/** A signed call of an action by its documented method. */
export type Caller = (
  server: MockZimServer,
  action: string,
  params: Record<string, unknown>,
) => Promise<MockReply>;

/**
 * Builds the state the VALID parameters below are right in: group g1 (owner u1, members u2 and
 * u3), room r1 (made by u1, u2 joined, attribute k1), one message each u1 → u2, in g1 and in
 * r1 (MsgSeq 1 each), u1 and u2 friends, u1 blocks u4, call1 from u1 to u2 and u3.
 */
export async function buildWorld(server: MockZimServer, call: Caller): Promise<void> {
  const steps: [string, Record<string, unknown>][] = [
    ['CreateGroup', { GroupId: 'g1', GroupOwner: 'u1', UserId: ['u2', 'u3'], GroupName: 'G1' }],
    ['CreateRoom', { FromUserId: 'u1', RoomId: 'r1', Attributes: [{ Key: 'k1', Value: 'v1' }] }],
    ['SendPeerMessage', { ...TEXT, FromUserId: 'u1', ToUserId: ['u2'] }],
    ['SendGroupMessage', { ...TEXT, FromUserId: 'u1', GroupId: 'g1' }],
    ['SendRoomMessage', { ...TEXT, FromUserId: 'u1', RoomId: 'r1' }],
    ['AddFriends', { FromUserId: 'u1', FriendInfos: [{ UserId: 'u2' }] }],
    ['AddUsersToBlacklist', { FromUserId: 'u1', UserIds: ['u4'] }],
    ['CallInvite', { FromUserId: 'u1', UserIds: ['u2', 'u3'], OfflinePush: {} }],
  ];
  for (const [action, params] of steps) {
    const reply = await call(server, action, params);
    if (reply.code !== 0) throw new Error(`world: ${action} answered ${reply.text}`);
    if (action === 'CreateRoom') server.joinRoom('r1', ['u2']);
  }
}

const TEXT = { MessageType: 1, Priority: 1, MessageBody: { Message: 'hello' } };

/** Parameters of each of the 72 actions that the documents accept and that succeed in the world. */
export const VALID: Readonly<Record<string, Record<string, unknown>>> = {
  AddFriends: {
    FromUserId: 'u1',
    FriendInfos: [{ UserId: 'u3', Wording: 'hi', Attributes: [{ Key: 'k0', Value: 'v' }] }],
  },
  AddUsersToBlacklist: { FromUserId: 'u1', UserIds: ['u5'] },
  C2cDeliveryReceipt: { FromUserId: 'u2', ConvId: 'u1', ConvMsgSeq: [1] },
  C2cReadReceipt: { FromUserId: 'u2', ConvId: 'u1', ConvMsgSeq: [1] },
  CallAccept: { FromUserId: 'u2', CallId: 'call1' },
  CallInvite: { FromUserId: 'u1', UserIds: ['u3'], OfflinePush: { Enable: 0 } },
  CallReject: { FromUserId: 'u3', CallId: 'call1' },
  CgiDescribeZIMAudioLicense: {},
  CheckFriendsRelation: { FromUserId: 'u1', UserIds: ['u2', 'u3'], CheckType: 1 },
  CheckUsersIsInBlacklist: { FromUserId: 'u1', UserIds: ['u4', 'u5'] },
  ClearConversationUnread: { FromUserId: 'u2', ConvId: 'u1', ConvType: 0 },
  ClearMemberGroupMessage: { FromUserId: 'u2', GroupId: 'g1' },
  ClearPeerMessage: { FromUserId: 'u1', ToUserId: 'u2' },
  ConvPinned: { FromUserId: 'u1', ConvList: [{ ConvId: 'u2', ConvType: 0 }], PinnedType: 1 },
  CreateGroup: { GroupId: 'g2', GroupOwner: 'u1', UserId: ['u2'], GroupName: 'G2' },
  CreateRoom: { FromUserId: 'u1', RoomId: 'r2' },
  DeleteAllFriends: { FromUserId: 'u1', DeleteType: 0 },
  DeleteConv: { FromUserId: 'u1', ConvId: 'u2', ConvType: 0 },
  DeleteFriends: { FromUserId: 'u1', UserIds: ['u2'], DeleteType: 0 },
  DestroyRoom: { RoomId: 'r1', FromUserId: 'u1' },
  DismissGroup: { FromUserId: 'u1', GroupId: 'g1' },
  EditC2cMsgBody: {
    FromUserId: 'u1',
    SenderId: 'u1',
    ConvId: 'u2',
    MsgType: 1,
    ConvMsgSeq: 1,
    EditType: 1,
    MessageBody: { Message: 'edited' },
  },
  EditGroupMsgBody: {
    FromUserId: 'u1',
    SenderId: 'u1',
    ConvId: 'g1',
    MsgType: 1,
    ConvMsgSeq: 1,
    EditType: 1,
    MessageBody: { Message: 'edited' },
  },
  FetchForbidGroupList: { FromUserId: 'u2', StartFlag: 0 },
  GroupDeliveryReceipt: { FromUserId: 'u2', GroupId: 'g1', ConvMsgSeq: [1] },
  GroupReadReceipt: { FromUserId: 'u2', GroupId: 'g1', ConvMsgSeq: [1] },
  ImportGroupMsg: { ...TEXT, FromUserId: 'u2', GroupId: 'g1', SendMessageTime: 1_700_000_000 },
  ImportPeerMsg: { ...TEXT, FromUserId: 'u1', ToUserId: 'u3', ImportedUserId: 'u1' },
  InviteUsersIntoGroup: {
    FromUserId: 'u1',
    GroupId: 'g1',
    UserIds: ['u4'],
    GroupMemberInfos: [{ UserId: 'u4' }],
  },
  KickoutGroupUser: { FromUserId: 'u1', GroupId: 'g1', UserId: ['u3'] },
  KickoutRoomUser: { RoomId: 'r1', UserId: ['u2'] },
  ModifyGroupAttribute: {
    Action: 0,
    FromUserId: 'u1',
    GroupId: 'g1',
    Attributes: [{ Key: 'topic', Value: 'news' }],
  },
  ModifyGroupLimit: { FromUserId: 'u1', GroupId: 'g1', JoinMode: 1, MemberCountLimit: 50 },
  ModifyRoomAttribute: {
    FromUserId: 'u1',
    RoomId: 'r1',
    Attributes: [{ Action: 0, Key: 'k2', Value: 'v2' }],
  },
  ModifyUserInfo: { UserInfo: [{ UserId: 'u1', UserName: 'Ann' }] },
  MuteGroup: { FromUserId: 'u1', GroupId: 'g1', IsAllMuted: true, Duration: 60 },
  MuteGroupMembers: { FromUserId: 'u1', GroupId: 'g1', UserIds: ['u2'], Duration: 60 },
  QueryAppCommunityList: { Limit: 10, Next: 0 },
  QueryAppGroupList: { Limit: 10, Next: 0 },
  QueryBlacklist: { FromUserId: 'u1', Limit: 10, Next: 0 },
  QueryConversationList: { FromUserId: 'u2', Limit: 10, Next: 0 },
  QueryFriendList: { FromUserId: 'u1', Limit: 10, Next: 0 },
  QueryGroupInfo: { FromUserId: 'u1', GroupId: 'g1' },
  QueryGroupMemberList: { GroupId: 'g1', Limit: 10, Next: 0 },
  QueryGroupMsg: { GroupId: 'g1', Limit: 10, Next: 0 },
  QueryGroupsInfoOfUser: { FromUserId: 'u2', Limit: 10 },
  QueryMessagesByMsgSeq: { FromUserId: 'u2', ConvId: 'u1', ConvType: 0, MsgSeqList: [1] },
  QueryPeerMsg: { FromUserId: 'u1', ToUserId: 'u2', Limit: 10, Next: 0 },
  QueryRoomAttribute: { FromUserId: 'u1', RoomId: 'r1' },
  QueryRoomMembers: { UserId: ['u1', 'u2'], RoomId: 'r1' },
  QueryRoomUserList: { RoomId: 'r1', Limit: 10 },
  QueryUserInfos: { UserIds: ['u1', 'u2'] },
  QueryUserOnlineState: { UserId: ['u1'] },
  RemoveUsersFromBlacklist: { FromUserId: 'u1', UserIds: ['u4'] },
  RevokeGroupMessage: { FromUserId: 'u1', GroupId: 'g1', MsgSeq: 1 },
  RevokePeerMessage: { FromUserId: 'u1', ToUserId: 'u2', MsgSeq: 1 },
  RevokeRoomMessage: { FromUserId: 'u1', RoomId: 'r1', MsgSeq: 1 },
  RobotRegister: { UserInfo: [{ UserId: 'bot1', UserName: 'Bot' }] },
  SendFriendApplication: { FromUserId: 'u1', FriendInfos: [{ UserId: 'u3', Wording: 'hello' }] },
  SendGroupMessage: { ...TEXT, FromUserId: 'u2', GroupId: 'g1', Priority: 2 },
  SendMessageToAllUsers: { FromUserId: 'u1', MessageType: 1, MessageBody: { Message: 'news' } },
  SendPeerMessage: { ...TEXT, FromUserId: 'u2', ToUserId: ['u1'] },
  SendRoomMessage: { ...TEXT, FromUserId: 'u2', RoomId: 'r1' },
  SetConvMark: { FromUserId: 'u1', ConvMarkInfoList: [{ UserId: 'u1', SetMarkC2c: {}, Action: true }] },
  SetGroupMemberRole: { FromUserId: 'u1', GroupId: 'g1', ToUserId: 'u2', Role: 2 },
  SetGroupMembersNickname: { FromUserId: 'u1', GroupId: 'g1', UserIds: [{ UserId: 'u2', Nickname: 'Bo' }] },
  SilenceConvNotification: { FromUserId: 'u2', ConvType: 0, ConvIds: ['u1'], Enable: true },
  TransferGroupOwner: { FromUserId: 'u1', GroupId: 'g1', NewOwner: 'u2' },
  UpdateFriendAttributes: {
    FromUserId: 'u1',
    UserId: 'u2',
    Attributes: [{ Key: 'k1', Value: 'x' }],
    Action: 0,
  },
  UpdateFriendsAlias: { FromUserId: 'u1', UserIds: [{ UserId: 'u2', FriendAlias: 'Bobby' }] },
  UpdateGroupData: { FromUserId: 'u1', GroupId: 'g1', GroupName: 'Renamed' },
  UserRegister: { UserInfo: [{ UserId: 'new1', UserName: 'New' }] },
};
