// Generated from spec/zim-api.json by scripts/gen-jobs.mjs; do not edit: run `npm run gen`.
import type { BatchSpec } from '../jobs/BatchSpec.js';
import type { PagedSpec } from '../jobs/PagedSpec.js';

/**
 * The 11 paged actions: where the cursor goes in and comes out, what ends a walk, the items, the largest `Limit`.
 *
 * @public
 */
export const PAGED_ACTIONS = {
  FetchForbidGroupList: {
    cursor: 'StartFlag',
    nextCursor: 'NextFlag',
    cursorType: 'number',
    endFlag: 'FetchEnd',
    items: 'GroupList',
  },
  QueryAppCommunityList: {
    cursor: 'Next',
    nextCursor: 'Next',
    cursorType: 'number',
    items: 'CommunityIdList',
    maxLimit: 10000,
  },
  QueryAppGroupList: {
    cursor: 'Next',
    nextCursor: 'Next',
    cursorType: 'number',
    items: 'GroupIdList',
    maxLimit: 10000,
  },
  QueryBlacklist: {
    cursor: 'Next',
    nextCursor: 'Next',
    cursorType: 'number',
    items: 'Blacklist',
    maxLimit: 100,
  },
  QueryConversationList: {
    cursor: 'Next',
    nextCursor: 'Next',
    cursorType: 'number',
    items: 'List',
    maxLimit: 500,
  },
  QueryFriendList: {
    cursor: 'Next',
    nextCursor: 'Next',
    cursorType: 'number',
    items: 'FriendInfos',
    maxLimit: 100,
  },
  QueryGroupMemberList: {
    cursor: 'Next',
    nextCursor: 'Next',
    cursorType: 'number',
    items: 'MemberList',
    maxLimit: 1000,
  },
  QueryGroupMsg: {
    cursor: 'Next',
    nextCursor: 'Next',
    cursorType: 'number',
    items: 'List',
    maxLimit: 100,
  },
  QueryGroupsInfoOfUser: {
    cursor: 'Next',
    nextCursor: 'NextRsp',
    cursorType: 'string',
    items: 'GroupInfoList',
    maxLimit: 100,
  },
  QueryPeerMsg: {
    cursor: 'Next',
    nextCursor: 'Next',
    cursorType: 'number',
    items: 'List',
    maxLimit: 100,
  },
  QueryRoomUserList: {
    cursor: 'NextFlag',
    nextCursor: 'NextFlag',
    cursorType: 'string',
    items: 'UserList',
    maxLimit: 500,
  },
} as const satisfies Record<string, PagedSpec>;

/**
 * The name of a paged action (`zim.paginate`).
 *
 * @public
 */
export type PagedAction = keyof typeof PAGED_ACTIONS;

/**
 * The 27 batch actions: the list parameter, its documented maximum, the item key, the per-item lists.
 *
 * @public
 */
export const BATCH_ACTIONS = {
  AddFriends: {
    list: ['FriendInfos'],
    maxItems: 20,
    key: 'UserId',
    itemType: 'object',
    failures: ['ErrorList'],
    successes: [],
    split: true,
  },
  AddUsersToBlacklist: {
    list: ['UserIds'],
    maxItems: 20,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrList'],
    successes: [],
    split: true,
  },
  CallInvite: {
    list: ['UserIds'],
    maxItems: 9,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrorUsers'],
    successes: [],
    split: false,
  },
  CheckFriendsRelation: {
    list: ['UserIds'],
    maxItems: 20,
    key: 'UserId',
    itemType: 'string',
    failures: ['Fails'],
    successes: ['Successes'],
    split: true,
  },
  CheckUsersIsInBlacklist: {
    list: ['UserIds'],
    maxItems: 20,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrList'],
    successes: ['Succ'],
    split: true,
  },
  ConvPinned: {
    list: ['ConvList'],
    maxItems: 20,
    key: 'ConvId',
    itemType: 'object',
    failures: ['ErrorList'],
    successes: [],
    split: true,
  },
  CreateGroup: {
    list: ['UserId'],
    maxItems: 100,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrorUsers'],
    successes: ['Members'],
    split: false,
  },
  DeleteFriends: {
    list: ['UserIds'],
    maxItems: 20,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrorList'],
    successes: [],
    split: true,
  },
  InviteUsersIntoGroup: {
    list: ['GroupMemberInfos', 'UserIds'],
    maxItems: 100,
    key: 'UserId',
    itemType: 'object',
    failures: ['ErrorUsers'],
    successes: [],
    split: true,
  },
  KickoutGroupUser: {
    list: ['UserId'],
    maxItems: 50,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrorList'],
    successes: [],
    split: true,
  },
  KickoutRoomUser: {
    list: ['UserId'],
    maxItems: 50,
    itemType: 'string',
    failures: [],
    successes: [],
    split: true,
  },
  ModifyUserInfo: {
    list: ['UserInfo'],
    maxItems: 100,
    key: 'UserId',
    itemType: 'object',
    failures: ['ErrorList'],
    successes: [],
    split: true,
  },
  MuteGroupMembers: {
    list: ['UserIds'],
    maxItems: 20,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrorUsers'],
    successes: [],
    split: true,
  },
  QueryMessagesByMsgSeq: {
    list: ['MsgSeqList'],
    maxItems: 20,
    itemType: 'number',
    failures: [],
    successes: ['MessageList'],
    split: true,
  },
  QueryRoomMembers: {
    list: ['UserId'],
    maxItems: 10,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrorList'],
    successes: ['UserList'],
    split: true,
  },
  QueryUserInfos: {
    list: ['UserIds'],
    maxItems: 100,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrorList'],
    successes: ['Result'],
    split: true,
  },
  QueryUserOnlineState: {
    list: ['UserId'],
    maxItems: 100,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrorList'],
    successes: ['Result'],
    split: true,
  },
  RemoveUsersFromBlacklist: {
    list: ['UserIds'],
    maxItems: 20,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrList'],
    successes: [],
    split: true,
  },
  RobotRegister: {
    list: ['UserInfo'],
    maxItems: 20,
    key: 'UserId',
    itemType: 'object',
    failures: ['ErrorList'],
    successes: [],
    split: true,
  },
  SendFriendApplication: {
    list: ['FriendInfos'],
    maxItems: 20,
    key: 'UserId',
    itemType: 'object',
    failures: ['ErrorList'],
    successes: [],
    split: true,
  },
  SendPeerMessage: {
    list: ['ToUserId'],
    maxItems: 100,
    key: 'UserId',
    itemType: 'string',
    failures: ['ErrorList'],
    successes: ['SuccList', 'AuditInfos'],
    split: true,
  },
  SetConvMark: {
    list: ['ConvMarkInfoList'],
    maxItems: 100,
    key: 'UserId',
    itemType: 'object',
    failures: ['FailList'],
    successes: [],
    split: true,
  },
  SetGroupMembersNickname: {
    list: ['UserIds'],
    maxItems: 20,
    key: 'UserId',
    itemType: 'object',
    failures: ['ErrorUsers'],
    successes: [],
    split: true,
  },
  SilenceConvNotification: {
    list: ['ConvIds'],
    maxItems: 10,
    key: 'ConvId',
    itemType: 'string',
    failures: ['ErrorList'],
    successes: [],
    split: true,
  },
  UpdateFriendAttributes: {
    list: ['Attributes'],
    maxItems: 5,
    key: 'Key',
    itemType: 'object',
    failures: ['FailKey'],
    successes: [],
    split: true,
  },
  UpdateFriendsAlias: {
    list: ['UserIds'],
    maxItems: 20,
    key: 'UserId',
    itemType: 'object',
    failures: ['ErrorList'],
    successes: [],
    split: true,
  },
  UserRegister: {
    list: ['UserInfo'],
    maxItems: 100,
    key: 'UserId',
    itemType: 'object',
    failures: ['ErrorList'],
    successes: [],
    split: true,
  },
} as const satisfies Record<string, BatchSpec>;

/**
 * The name of a batch action (`zim.batch`).
 *
 * @public
 */
export type BatchAction = keyof typeof BATCH_ACTIONS;
