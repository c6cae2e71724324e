// Generated from spec/zim-api.json by scripts/gen-types.mjs; do not edit: run `npm run gen`.
// Source: ZEGOCLOUD/docs_all@7fdebd415add0099ed467ae48a0c7a55bd3abd87 core_products/zim/en/docs_zim_server (OpenAPI 3.0, one document per page); descriptions removed

/**
 * Parameters of AddFriends (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-add-friends
 *
 * @public
 */
export interface AddFriendsRequest {
  FromUserId: string;
  /**
   * @maxItems 20
   */
  FriendInfos: {
    UserId: string;
    Wording?: string;
    FriendAlias?: string;
    FriendTime?: number;
    /**
     * @maxItems 5
     */
    Attributes?: {
      Key: 'k0' | 'k1' | 'k2' | 'k3' | 'k4';
      Value: string;
    }[];
  }[];
}

/**
 * The answer of AddFriends.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-add-friends
 *
 * @public
 */
export interface AddFriendsResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of AddUsersToBlacklist (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-block-users
 *
 * @public
 */
export interface AddUsersToBlacklistRequest {
  FromUserId: string;
  /**
   * @maxItems 20
   */
  UserIds: string[];
}

/**
 * The answer of AddUsersToBlacklist.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-block-users
 *
 * @public
 */
export interface AddUsersToBlacklistResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrList?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of C2cDeliveryReceipt (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/set-delivery-receipts-for-one-to-one-messages
 *
 * @public
 */
export interface C2cDeliveryReceiptRequest {
  FromUserId: string;
  ConvId: string;
  ConvMsgSeq: number[];
}

/**
 * The answer of C2cDeliveryReceipt.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/set-delivery-receipts-for-one-to-one-messages
 *
 * @public
 */
export interface C2cDeliveryReceiptResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  DeliveredTime?: number;
}

/**
 * Parameters of C2cReadReceipt (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/set-read-receipts-for-one-to-one-messages
 *
 * @public
 */
export interface C2cReadReceiptRequest {
  FromUserId: string;
  ConvId: string;
  ConvMsgSeq: number[];
}

/**
 * The answer of C2cReadReceipt.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/set-read-receipts-for-one-to-one-messages
 *
 * @public
 */
export interface C2cReadReceiptResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ReadTime?: number;
}

/**
 * Parameters of CallAccept (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/call-invitation/accept-a-call-invitation
 *
 * @public
 */
export interface CallAcceptRequest {
  FromUserId: string;
  CallId: string;
  ExtendedData?: string;
}

/**
 * The answer of CallAccept.
 *
 * @see https://www.zegocloud.com/docs/zim-server/call-invitation/accept-a-call-invitation
 *
 * @public
 */
export interface CallAcceptResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of CallInvite (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/call-invitation/send-a-call-invitation
 *
 * @public
 */
export interface CallInviteRequest {
  FromUserId: string;
  /**
   * @maxItems 9
   */
  UserIds: string[];
  Timeout?: number;
  ExtendedData?: string;
  OfflinePush: {
    Enable?: number;
    Title?: string;
    Content?: string;
    Payload?: string;
  };
}

/**
 * The answer of CallInvite.
 *
 * @see https://www.zegocloud.com/docs/zim-server/call-invitation/send-a-call-invitation
 *
 * @public
 */
export interface CallInviteResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  CallId?: string;
  CreateTime?: number;
  ErrorUsers?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of CallReject (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/call-invitation/reject-a-call-invitation
 *
 * @public
 */
export interface CallRejectRequest {
  FromUserId: string;
  CallId: string;
  ExtendedData?: string;
}

/**
 * The answer of CallReject.
 *
 * @see https://www.zegocloud.com/docs/zim-server/call-invitation/reject-a-call-invitation
 *
 * @public
 */
export interface CallRejectResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of CgiDescribeZIMAudioLicense (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/zim-audio/obtain-a-license
 *
 * @public
 */
export type CgiDescribeZIMAudioLicenseRequest = Record<string, never>;

/**
 * The answer of CgiDescribeZIMAudioLicense.
 *
 * @see https://www.zegocloud.com/docs/zim-server/zim-audio/obtain-a-license
 *
 * @public
 */
export interface CgiDescribeZIMAudioLicenseResponse {
  Code: number;
  Message?: string;
  Data?: {
    License?: string;
  };
  RequestId?: string;
}

/**
 * Parameters of CheckFriendsRelation (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/check-friendships
 *
 * @public
 */
export interface CheckFriendsRelationRequest {
  FromUserId: string;
  /**
   * @maxItems 20
   */
  UserIds: string[];
  CheckType: 0 | 1;
}

/**
 * The answer of CheckFriendsRelation.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/check-friendships
 *
 * @public
 */
export interface CheckFriendsRelationResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  Successes?: {
    UserId?: string;
    Relation?: number;
  }[];
  Fails?: {
    UserId?: string;
    SubCode?: number;
    Relation?: number;
  }[];
}

/**
 * Parameters of CheckUsersIsInBlacklist (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/check-blockships
 *
 * @public
 */
export interface CheckUsersIsInBlacklistRequest {
  FromUserId: string;
  /**
   * @maxItems 20
   */
  UserIds: string[];
}

/**
 * The answer of CheckUsersIsInBlacklist.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/check-blockships
 *
 * @public
 */
export interface CheckUsersIsInBlacklistResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  Succ?: {
    UserId?: string;
    Result?: 0 | 1;
  }[];
  ErrList?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of ClearConversationUnread (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/clear-the-unread-message-count-of-a-conversation
 *
 * @public
 */
export interface ClearConversationUnreadRequest {
  FromUserId: string;
  ConvId: string;
  ConvType: 0 | 2;
}

/**
 * The answer of ClearConversationUnread.
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/clear-the-unread-message-count-of-a-conversation
 *
 * @public
 */
export interface ClearConversationUnreadResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of ClearMemberGroupMessage (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/delete-all-messages-from-a-group-member
 *
 * @public
 */
export interface ClearMemberGroupMessageRequest {
  FromUserId: string;
  GroupId: string;
}

/**
 * The answer of ClearMemberGroupMessage.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/delete-all-messages-from-a-group-member
 *
 * @public
 */
export interface ClearMemberGroupMessageResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of ClearPeerMessage (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/delete-all-messages-from-a-one-to-one-conversaiton-user
 *
 * @public
 */
export interface ClearPeerMessageRequest {
  FromUserId: string;
  ToUserId: string;
}

/**
 * The answer of ClearPeerMessage.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/delete-all-messages-from-a-one-to-one-conversaiton-user
 *
 * @public
 */
export interface ClearPeerMessageResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of ConvPinned (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/pin-conversations-to-the-top
 *
 * @public
 */
export interface ConvPinnedRequest {
  FromUserId: string;
  /**
   * @maxItems 20
   */
  ConvList: {
    ConvId: string;
    ConvType: 0 | 2;
  }[];
  PinnedType: 0 | 1;
}

/**
 * The answer of ConvPinned.
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/pin-conversations-to-the-top
 *
 * @public
 */
export interface ConvPinnedResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorList?: {
    ConvId?: string;
    ConvType?: number;
    SubCode?: number;
    SubMessage?: string;
  }[];
}

/**
 * Parameters of CreateGroup (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/create-a-group
 *
 * @public
 */
export interface CreateGroupRequest {
  GroupId?: string;
  GroupName?: string;
  GroupNotice?: string;
  GroupAvatar?: string;
  GroupOwner: string;
  /**
   * @maxItems 100
   */
  UserId?: string[];
  Attributes?: {
    Key: string;
    Value: string;
  }[];
  CreateGroupTime?: number;
}

/**
 * The answer of CreateGroup.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/create-a-group
 *
 * @public
 */
export interface CreateGroupResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  GroupId?: string;
  Members?: {
    UserId?: string;
    UserName?: string;
  }[];
  ErrorUsers?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of CreateRoom (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/create-a-room
 *
 * @public
 */
export interface CreateRoomRequest {
  FromUserId: string;
  RoomId: string;
  RoomName?: string;
  DestroyDelayTime?: number;
  Attributes?: {
    Key: string;
    Value: string;
    AutoDelete?: 0 | 1;
  }[];
}

/**
 * The answer of CreateRoom.
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/create-a-room
 *
 * @public
 */
export interface CreateRoomResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  AttributeSeq?: {
    [k: string]: unknown;
  };
}

/**
 * Parameters of DeleteAllFriends (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/delete-all-friends
 *
 * @public
 */
export interface DeleteAllFriendsRequest {
  FromUserId: string;
  DeleteType: 0 | 1;
}

/**
 * The answer of DeleteAllFriends.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/delete-all-friends
 *
 * @public
 */
export interface DeleteAllFriendsResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of DeleteConv (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/delete-a-conversation
 *
 * @public
 */
export interface DeleteConvRequest {
  FromUserId: string;
  ConvId: string;
  ConvType: 0 | 2;
}

/**
 * The answer of DeleteConv.
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/delete-a-conversation
 *
 * @public
 */
export interface DeleteConvResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of DeleteFriends (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-delete-friends
 *
 * @public
 */
export interface DeleteFriendsRequest {
  FromUserId: string;
  /**
   * @maxItems 20
   */
  UserIds: string[];
  DeleteType: 0 | 1;
}

/**
 * The answer of DeleteFriends.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-delete-friends
 *
 * @public
 */
export interface DeleteFriendsResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of DestroyRoom (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/destroy-the-room
 *
 * @public
 */
export interface DestroyRoomRequest {
  RoomId: string;
  FromUserId?: string;
}

/**
 * The answer of DestroyRoom.
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/destroy-the-room
 *
 * @public
 */
export interface DestroyRoomResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of DismissGroup (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/disband-a-group-chat
 *
 * @public
 */
export interface DismissGroupRequest {
  FromUserId: string;
  GroupId: string;
}

/**
 * The answer of DismissGroup.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/disband-a-group-chat
 *
 * @public
 */
export interface DismissGroupResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of EditC2cMsgBody (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/edit-a-message
 *
 * @public
 */
export interface EditC2cMsgBodyRequest {
  FromUserId: string;
  SenderId: string;
  ConvId: string;
  MsgType: number;
  ConvMsgSeq: number;
  EditType: number;
  MessageBody?: {
    [k: string]: unknown;
  };
  AtListInfo?: {
    AtList?: string[];
  };
  IsAtAll?: boolean;
  SubMsgType?: number;
}

/**
 * The answer of EditC2cMsgBody.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/edit-a-message
 *
 * @public
 */
export interface EditC2cMsgBodyResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  StateMsgSeq?: number;
  EditMsgSeq?: number;
  LatestEditTime?: number;
}

/**
 * Parameters of EditGroupMsgBody (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/edit-a-message
 *
 * @public
 */
export interface EditGroupMsgBodyRequest {
  FromUserId: string;
  SenderId: string;
  ConvId: string;
  MsgType: number;
  ConvMsgSeq: number;
  EditType: number;
  MessageBody?: {
    [k: string]: unknown;
  };
  AtListInfo?: {
    AtList?: string[];
  };
  IsAtAll?: boolean;
  SubMsgType?: number;
}

/**
 * The answer of EditGroupMsgBody.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/edit-a-message
 *
 * @public
 */
export interface EditGroupMsgBodyResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  StateMsgSeq?: number;
  EditMsgSeq?: number;
  LatestEditTime?: number;
}

/**
 * Parameters of FetchForbidGroupList (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/fetch-forbid-group-list
 *
 * @public
 */
export interface FetchForbidGroupListRequest {
  FromUserId: string;
  StartFlag: number;
}

/**
 * The answer of FetchForbidGroupList.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/fetch-forbid-group-list
 *
 * @public
 */
export interface FetchForbidGroupListResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  FetchEnd?: number;
  NextFlag?: number;
  GroupList?: {
    GroupId?: string;
    ForbidType?: number;
  }[];
}

/**
 * Parameters of GroupDeliveryReceipt (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/set-delivery-receipts-for-group-messages
 *
 * @public
 */
export interface GroupDeliveryReceiptRequest {
  FromUserId: string;
  GroupId: string;
  ConvMsgSeq: number[];
}

/**
 * The answer of GroupDeliveryReceipt.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/set-delivery-receipts-for-group-messages
 *
 * @public
 */
export interface GroupDeliveryReceiptResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  DeliveredTime?: number;
}

/**
 * Parameters of GroupReadReceipt (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/set-read-receipts-for-group-messages
 *
 * @public
 */
export interface GroupReadReceiptRequest {
  FromUserId: string;
  GroupId: string;
  ConvMsgSeq: number[];
}

/**
 * The answer of GroupReadReceipt.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/set-read-receipts-for-group-messages
 *
 * @public
 */
export interface GroupReadReceiptResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ReadTime?: number;
}

/**
 * Parameters of ImportGroupMsg (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/import-group-messages
 *
 * @public
 */
export interface ImportGroupMsgRequest {
  FromUserId: string;
  GroupId: string;
  MessageType: number;
  Priority: 1 | 2 | 3;
  MessageBody: {
    [k: string]: unknown;
  };
  SubMsgType?: number;
  SearchedContent?: string;
  SendMessageTime?: number;
}

/**
 * The answer of ImportGroupMsg.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/import-group-messages
 *
 * @public
 */
export interface ImportGroupMsgResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  MsgSeq?: number;
}

/**
 * Parameters of ImportPeerMsg (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/import-one-to-one-messages
 *
 * @public
 */
export interface ImportPeerMsgRequest {
  FromUserId: string;
  ToUserId: string;
  MessageType: number;
  Priority: 1 | 2 | 3;
  MessageBody: {
    [k: string]: unknown;
  };
  SubMsgType?: number;
  SearchedContent?: string;
  SendMessageTime?: number;
  ImportedUserId: string;
}

/**
 * The answer of ImportPeerMsg.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/import-one-to-one-messages
 *
 * @public
 */
export interface ImportPeerMsgResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  MsgId?: string;
  MsgSeq?: number;
}

/**
 * Parameters of InviteUsersIntoGroup (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/add-group-members
 *
 * @public
 */
export interface InviteUsersIntoGroupRequest {
  FromUserId: string;
  GroupId: string;
  UserIds: string[];
  GroupMemberInfos: {
    UserId: string;
    EnterGroupTime?: number;
    IsInvite?: 0 | 1;
  }[];
}

/**
 * The answer of InviteUsersIntoGroup.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/add-group-members
 *
 * @public
 */
export interface InviteUsersIntoGroupResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorUsers?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of KickoutGroupUser (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/remove-group-member
 *
 * @public
 */
export interface KickoutGroupUserRequest {
  FromUserId: string;
  GroupId: string;
  /**
   * @maxItems 50
   */
  UserId: string[];
  CustomReason?: string;
}

/**
 * The answer of KickoutGroupUser.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/remove-group-member
 *
 * @public
 */
export interface KickoutGroupUserResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of KickoutRoomUser (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/remove-user-from-the-room
 *
 * @public
 */
export interface KickoutRoomUserRequest {
  RoomId: string;
  /**
   * @maxItems 50
   */
  UserId: string[];
  CustomReason?: string;
  FromUserId?: string;
}

/**
 * The answer of KickoutRoomUser.
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/remove-user-from-the-room
 *
 * @public
 */
export interface KickoutRoomUserResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of ModifyGroupAttribute (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/modify-group-attributes
 *
 * @public
 */
export interface ModifyGroupAttributeRequest {
  Action: number;
  FromUserId: string;
  GroupId: string;
  Attributes: {
    Key: string;
    Value?: string;
  }[];
}

/**
 * The answer of ModifyGroupAttribute.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/modify-group-attributes
 *
 * @public
 */
export interface ModifyGroupAttributeResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  FailKeys?: {
    Reason?: string;
    Key?: string;
  }[];
  Attributes?: {
    Attributes?: {
      Key?: string;
      Value?: string;
    }[];
  };
}

/**
 * Parameters of ModifyGroupLimit (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/modify-group-specification-limits
 *
 * @public
 */
export interface ModifyGroupLimitRequest {
  FromUserId: string;
  GroupId: string;
  JoinMode?: 0 | 1 | 2;
  InviteMode?: 0 | 1;
  BeInvitedMode?: 0 | 1;
  MemberCountLimit?: number;
}

/**
 * The answer of ModifyGroupLimit.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/modify-group-specification-limits
 *
 * @public
 */
export interface ModifyGroupLimitResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of ModifyRoomAttribute (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/update-room-attributes
 *
 * @public
 */
export interface ModifyRoomAttributeRequest {
  FromUserId: string;
  RoomId: string;
  Attributes: {
    Action: 0 | 1;
    Key: string;
    Value?: string;
    AutoDelete?: 0 | 1;
    StopOnError?: 0 | 1;
  }[];
}

/**
 * The answer of ModifyRoomAttribute.
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/update-room-attributes
 *
 * @public
 */
export interface ModifyRoomAttributeResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  AttributeSeq?: {
    [k: string]: unknown;
  };
  SuccKeyList?: {
    Key?: string;
    Seq?: {
      [k: string]: unknown;
    };
  }[];
  ErrKeyList?: {
    SubCode?: number;
    Key?: string;
  }[];
}

/**
 * Parameters of ModifyUserInfo (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/modify-user-information
 *
 * @public
 */
export interface ModifyUserInfoRequest {
  /**
   * @maxItems 100
   */
  UserInfo: {
    UserId: string;
    UserName?: string;
    UserAvatar?: string;
    Extra?: string;
  }[];
}

/**
 * The answer of ModifyUserInfo.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/modify-user-information
 *
 * @public
 */
export interface ModifyUserInfoResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
    SubMessage?: string;
  }[];
}

/**
 * Parameters of MuteGroup (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/mute-a-group
 *
 * @public
 */
export interface MuteGroupRequest {
  FromUserId: string;
  GroupId: string;
  IsAllMuted?: boolean;
  MuteRoleList?: number[];
  Duration?: number;
}

/**
 * The answer of MuteGroup.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/mute-a-group
 *
 * @public
 */
export interface MuteGroupResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of MuteGroupMembers (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/mute-group-members
 *
 * @public
 */
export interface MuteGroupMembersRequest {
  FromUserId: string;
  GroupId: string;
  /**
   * @maxItems 20
   */
  UserIds: string[];
  Duration?: number;
}

/**
 * The answer of MuteGroupMembers.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/mute-group-members
 *
 * @public
 */
export interface MuteGroupMembersResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorUsers?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of QueryAppCommunityList (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/community/query-community-list
 *
 * @public
 */
export interface QueryAppCommunityListRequest {
  Limit?: number;
  Next?: number;
}

/**
 * The answer of QueryAppCommunityList.
 *
 * @see https://www.zegocloud.com/docs/zim-server/community/query-community-list
 *
 * @public
 */
export interface QueryAppCommunityListResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  TotalCount?: number;
  Next?: number;
  CommunityIdList?: {
    CommunityId?: string;
    CommunityName?: string;
  }[];
}

/**
 * Parameters of QueryAppGroupList (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/query-group-list-in-the-app
 *
 * @public
 */
export interface QueryAppGroupListRequest {
  Limit?: number;
  Next?: number;
}

/**
 * The answer of QueryAppGroupList.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/query-group-list-in-the-app
 *
 * @public
 */
export interface QueryAppGroupListResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  TotalCount?: number;
  Next?: number;
  GroupIdList?: {
    GroupId?: string;
    GroupName?: string;
  }[];
}

/**
 * Parameters of QueryBlacklist (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/query-the-blocklist
 *
 * @public
 */
export interface QueryBlacklistRequest {
  FromUserId: string;
  Limit: number;
  Next: number;
}

/**
 * The answer of QueryBlacklist.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/query-the-blocklist
 *
 * @public
 */
export interface QueryBlacklistResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  TotalCount?: number;
  Next?: number;
  Blacklist?: {
    UserId?: string;
    UserName?: string;
    Avatar?: string;
    UpdateTime?: number;
  }[];
}

/**
 * Parameters of QueryConversationList (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/query-conversation-list
 *
 * @public
 */
export interface QueryConversationListRequest {
  FromUserId: string;
  Limit?: number;
  Next?: number;
}

/**
 * The answer of QueryConversationList.
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/query-conversation-list
 *
 * @public
 */
export interface QueryConversationListResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  TotalCount?: number;
  Next?: number;
  List?: {
    ConvId?: string;
    ConvType?: number;
    UpdateTime?: number;
  }[];
}

/**
 * Parameters of QueryFriendList (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/query-the-friend-list
 *
 * @public
 */
export interface QueryFriendListRequest {
  FromUserId: string;
  Limit: number;
  Next: number;
}

/**
 * The answer of QueryFriendList.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/query-the-friend-list
 *
 * @public
 */
export interface QueryFriendListResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  TotalCount?: number;
  Next?: number;
  FriendInfos?: {
    UserId?: string;
    UserName?: string;
    Avatar?: string;
    Wording?: string;
    FriendAlias?: string;
    CreateTime?: number;
    Attributes?: {
      Key?: string;
      Value?: string;
    }[];
  }[];
}

/**
 * Parameters of QueryGroupInfo (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/query-group-info
 *
 * @public
 */
export interface QueryGroupInfoRequest {
  FromUserId: string;
  GroupId: string;
}

/**
 * The answer of QueryGroupInfo.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/query-group-info
 *
 * @public
 */
export interface QueryGroupInfoResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  GroupName?: string;
  GroupNotice?: string;
  GroupDataSeq?: number;
  GroupAvatar?: string;
  IsAllForbid?: boolean;
  ForbidList?: number[];
  LimitInfo?: {
    MemberCountLimit?: number;
    JoinMode?: number;
    InviteMode?: number;
    BeInvitedMode?: number;
    NumberMessage?: number;
  };
  ForbidExpireTime?: number;
  GroupCreateTime?: number;
  GroupId?: string;
  GroupAttributes?: {
    Key?: string;
    Value?: string;
  }[];
}

/**
 * Parameters of QueryGroupMemberList (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/query-group-member-list
 *
 * @public
 */
export interface QueryGroupMemberListRequest {
  GroupId: string;
  Limit?: number;
  Next?: number;
}

/**
 * The answer of QueryGroupMemberList.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/query-group-member-list
 *
 * @public
 */
export interface QueryGroupMemberListResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  TotalCount?: number;
  Next?: number;
  MemberList?: {
    UserId?: string;
    UserName?: string;
    UserNickName?: string;
    Role?: 1 | 2 | 3;
  }[];
}

/**
 * Parameters of QueryGroupMsg (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/query-the-message-list-of-group-chats
 *
 * @public
 */
export interface QueryGroupMsgRequest {
  GroupId: string;
  Limit?: number;
  Next?: number;
  WithEmptyMsg?: 0 | 1;
}

/**
 * The answer of QueryGroupMsg.
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/query-the-message-list-of-group-chats
 *
 * @public
 */
export interface QueryGroupMsgResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  Next?: number;
  List?: {
    Sender?: string;
    MsgType?: number;
    SubMsgType?: number;
    MsgBody?:
      | string
      | {
          md5?: string;
          file_name?: string;
          file_size?: string;
          download_url?: string;
          media_duration?: string;
          origin_image_width?: number;
          origin_image_height?: number;
          large_image_download_url?: string;
          large_image_width?: number;
          large_image_height?: number;
          thumbnail_download_url?: string;
          thumbnail_width?: number;
          thumbnail_height?: number;
          video_first_frame_download_url?: string;
          video_first_frame_width?: number;
          video_first_frame_height?: number;
        }
      | {
          multi_msg: {
            msg_type: number;
            sub_msg_type?: number;
            callback_content?: string;
          }[];
        };
    MsgId?: number;
    MsgSeq?: number;
    Payload?: string;
    MsgTime?: number;
    IsEmpty?: number;
  }[];
}

/**
 * Parameters of QueryGroupsInfoOfUser (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/query-group-information-of-user-joined
 *
 * @public
 */
export interface QueryGroupsInfoOfUserRequest {
  FromUserId: string;
  Limit: number;
  Next?: string;
}

/**
 * The answer of QueryGroupsInfoOfUser.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/query-group-information-of-user-joined
 *
 * @public
 */
export interface QueryGroupsInfoOfUserResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  NextRsp?: string;
  HasJoinGroupNum?: number;
  GroupInfoList?: {
    GroupId?: string;
    GroupName?: string;
    GroupAvatar?: string;
  }[];
}

/**
 * Parameters of QueryMessagesByMsgSeq (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/query-messages
 *
 * @public
 */
export interface QueryMessagesByMsgSeqRequest {
  FromUserId: string;
  ConvId: string;
  ConvType: 0 | 2;
  /**
   * @maxItems 20
   */
  MsgSeqList: number[];
}

/**
 * The answer of QueryMessagesByMsgSeq.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/query-messages
 *
 * @public
 */
export interface QueryMessagesByMsgSeqResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  MessageList?: {
    Sender?: string;
    MsgType?: number;
    SubMsgType?: number;
    MsgBody?:
      | {
          md5?: string;
          file_name?: string;
          file_size?: string;
          download_url?: string;
          media_duration?: string;
          origin_image_width?: number;
          origin_image_height?: number;
          large_image_download_url?: string;
          large_image_width?: number;
          large_image_height?: number;
          thumbnail_download_url?: string;
          thumbnail_width?: number;
          thumbnail_height?: number;
          video_first_frame_download_url?: string;
          video_first_frame_width?: number;
          video_first_frame_height?: number;
        }
      | {
          multi_msg?: {
            msg_type?: 1 | 11 | 12 | 13 | 14 | 200;
            sub_msg_type?: number;
            callback_content?: {
              [k: string]: unknown;
            };
          }[];
        }
      | {
          user_id?: string;
          revoke_time?: number;
          msg_type?: number;
          payload?: string;
          msg_status?: number;
        }
      | {
          type?: number;
          op_user_info?: {
            user_id?: string;
            role?: number;
            group_member_name?: string;
            group_member_nickname?: string;
          };
          target_users?: {
            user_id?: string;
            role?: number;
            group_member_name?: string;
            group_member_nickname?: string;
          }[];
          group_data_flag?: number;
          group_notice?: string;
          group_name?: string;
          group_avatar?: string;
          forbid?: {
            is_all_forbid?: boolean;
            forbid_role_list?: number[];
            forbid_expire_time?: number;
          };
          forbid_expire_time?: number;
          role?: number;
        };
    MsgId?: number;
    MsgSeq?: number;
    Payload?: string;
    MsgTime?: number;
    IsEmpty?: number;
  }[];
}

/**
 * Parameters of QueryPeerMsg (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/query-the-message-list-of-one-on-one-chats
 *
 * @public
 */
export interface QueryPeerMsgRequest {
  FromUserId: string;
  ToUserId: string;
  Limit?: number;
  Next?: number;
  WithEmptyMsg?: 0 | 1;
}

/**
 * The answer of QueryPeerMsg.
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/query-the-message-list-of-one-on-one-chats
 *
 * @public
 */
export interface QueryPeerMsgResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  Next?: number;
  List?: {
    Sender?: string;
    MsgType?: number;
    SubMsgType?: number;
    MsgBody?:
      | string
      | {
          md5: string;
          file_name: string;
          file_size: string;
          download_url: string;
          media_duration?: string;
          origin_image_width?: number;
          origin_image_height?: number;
          large_image_download_url?: string;
          large_image_width?: number;
          large_image_height?: number;
          thumbnail_download_url?: string;
          thumbnail_width?: number;
          thumbnail_height?: number;
          video_first_frame_download_url?: string;
          video_first_frame_width?: number;
          video_first_frame_height?: number;
        }
      | {
          multi_msg: {
            msg_type: number;
            sub_msg_type?: number;
            callback_content?: string;
          }[];
        };
    MsgId?: number;
    MsgSeq?: number;
    Payload?: string;
    MsgTime?: number;
    IsEmpty?: number;
  }[];
}

/**
 * Parameters of QueryRoomAttribute (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/query-room-attributes
 *
 * @public
 */
export interface QueryRoomAttributeRequest {
  FromUserId: string;
  RoomId: string;
}

/**
 * The answer of QueryRoomAttribute.
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/query-room-attributes
 *
 * @public
 */
export interface QueryRoomAttributeResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  AttributeSeq?: number;
  Attributes?: {
    Key?: string;
    Value?: string;
    Seq?: {
      [k: string]: unknown;
    };
    AutoDelete?: number;
  }[];
}

/**
 * Parameters of QueryRoomMembers (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/query-whether-a-user-is-in-a-room
 *
 * @public
 */
export interface QueryRoomMembersRequest {
  /**
   * @maxItems 10
   */
  UserId: string[];
  RoomId: string;
}

/**
 * The answer of QueryRoomMembers.
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/query-whether-a-user-is-in-a-room
 *
 * @public
 */
export interface QueryRoomMembersResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  UserList?: {
    user_id?: string;
    user_name?: string;
    avatar?: string | null;
    extra?: string | null;
  }[];
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of QueryRoomUserList (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/obtain-information-about-users-in-a-room
 *
 * @public
 */
export interface QueryRoomUserListRequest {
  RoomId: string;
  Mode?: 0 | 1;
  NextFlag?: string;
  Limit?: number;
}

/**
 * The answer of QueryRoomUserList.
 *
 * @see https://www.zegocloud.com/docs/zim-server/room/obtain-information-about-users-in-a-room
 *
 * @public
 */
export interface QueryRoomUserListResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  Count?: number;
  NextFlag?: string;
  UserList?: {
    UserId?: string;
    UserName?: string;
  }[];
}

/**
 * Parameters of QueryUserInfos (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/query-user-information
 *
 * @public
 */
export interface QueryUserInfosRequest {
  /**
   * @maxItems 100
   */
  UserIds: string[];
}

/**
 * The answer of QueryUserInfos.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/query-user-information
 *
 * @public
 */
export interface QueryUserInfosResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  Result?: {
    UserId?: string;
    UserName?: string;
    UserAvatar?: string;
    Extra?: string;
  }[];
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of QueryUserOnlineState (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/query-users-online-status
 *
 * @public
 */
export interface QueryUserOnlineStateRequest {
  /**
   * @maxItems 100
   */
  UserId: string[];
}

/**
 * The answer of QueryUserOnlineState.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/query-users-online-status
 *
 * @public
 */
export interface QueryUserOnlineStateResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  Result?: {
    UserId?: string;
    Status?: 'Online' | 'Offline';
  }[];
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of RemoveUsersFromBlacklist (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-unblock-users
 *
 * @public
 */
export interface RemoveUsersFromBlacklistRequest {
  FromUserId: string;
  /**
   * @maxItems 20
   */
  UserIds: string[];
}

/**
 * The answer of RemoveUsersFromBlacklist.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-unblock-users
 *
 * @public
 */
export interface RemoveUsersFromBlacklistResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrList?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of RevokeGroupMessage (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/recall-a-group-message
 *
 * @public
 */
export interface RevokeGroupMessageRequest {
  FromUserId: string;
  GroupId: string;
  MsgSeq: number;
  Payload?: string;
  OfflinePush?: {
    [k: string]: unknown;
  };
}

/**
 * The answer of RevokeGroupMessage.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/recall-a-group-message
 *
 * @public
 */
export interface RevokeGroupMessageResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of RevokePeerMessage (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/recall-a-one-to-one-message
 *
 * @public
 */
export interface RevokePeerMessageRequest {
  FromUserId: string;
  ToUserId: string;
  MsgSeq: number;
  Payload?: string;
  OfflinePush?: {
    [k: string]: unknown;
  };
}

/**
 * The answer of RevokePeerMessage.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/recall-a-one-to-one-message
 *
 * @public
 */
export interface RevokePeerMessageResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of RevokeRoomMessage (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/recall-a-room-message
 *
 * @public
 */
export interface RevokeRoomMessageRequest {
  FromUserId: string;
  RoomId: string;
  MsgSeq: number;
  Payload?: string;
}

/**
 * The answer of RevokeRoomMessage.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/recall-a-room-message
 *
 * @public
 */
export interface RevokeRoomMessageResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of RobotRegister (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/bot/register-bots
 *
 * @public
 */
export interface RobotRegisterRequest {
  /**
   * @maxItems 20
   */
  UserInfo: {
    UserId: string;
    UserName?: string;
    UserAvatar?: string;
  }[];
}

/**
 * The answer of RobotRegister.
 *
 * @see https://www.zegocloud.com/docs/zim-server/bot/register-bots
 *
 * @public
 */
export interface RobotRegisterResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
    SubMessage?: string;
  }[];
}

/**
 * Parameters of SendFriendApplication (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-send-friend-requests
 *
 * @public
 */
export interface SendFriendApplicationRequest {
  FromUserId: string;
  /**
   * @maxItems 20
   */
  FriendInfos: {
    UserId: string;
    Wording?: string;
    FriendAlias?: string;
    CreateTime?: number;
    UpdateTime?: number;
    /**
     * @maxItems 5
     */
    Attributes?: {
      Key: 'k0' | 'k1' | 'k2' | 'k3' | 'k4';
      Value: string;
    }[];
  }[];
}

/**
 * The answer of SendFriendApplication.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-send-friend-requests
 *
 * @public
 */
export interface SendFriendApplicationResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of SendGroupMessage (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/send-group-messages
 *
 * @public
 */
export interface SendGroupMessageRequest {
  FromUserId: string;
  GroupId: string;
  MessageType: number;
  Priority: 1 | 2 | 3;
  MessageBody: {
    [k: string]: unknown;
  };
  SubMsgType?: number;
  SearchedContent?: string;
  SendMsgOptions?: {
    NoUnread?: boolean;
    TargetOption?: {
      ReceiverUserIds?: string[];
      Inclusive?: boolean;
    };
  };
}

/**
 * The answer of SendGroupMessage.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/send-group-messages
 *
 * @public
 */
export interface SendGroupMessageResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  MsgSeq?: number;
  MsgId?: number;
  AuditInfos?: {
    Index?: number;
    Reason?: string;
  }[];
}

/**
 * Parameters of SendMessageToAllUsers (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/push-message-to-all-users
 *
 * @public
 */
export interface SendMessageToAllUsersRequest {
  FromUserId: string;
  MessageType: number;
  MessageBody: {
    [k: string]: unknown;
  };
  SubMsgType?: number;
  PushType?: number;
}

/**
 * The answer of SendMessageToAllUsers.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/push-message-to-all-users
 *
 * @public
 */
export interface SendMessageToAllUsersResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of SendPeerMessage (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/send-a-one-to-one-message
 *
 * @public
 */
export interface SendPeerMessageRequest {
  FromUserId: string;
  /**
   * @maxItems 100
   */
  ToUserId: string[];
  MessageType: number;
  Priority: 1 | 2 | 3;
  MessageBody: {
    [k: string]: unknown;
  };
  SubMsgType?: number;
  SearchedContent?: string;
  SenderUnaware?: number;
  SendMsgOptions?: {
    NoUnread?: boolean;
  };
}

/**
 * The answer of SendPeerMessage.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/send-a-one-to-one-message
 *
 * @public
 */
export interface SendPeerMessageResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
  }[];
  SuccList?: {
    UserId?: string;
    MsgId?: string;
    MsgSeq?: number;
  }[];
  AuditInfos?: {
    Index?: number;
    Reason?: string;
  }[];
}

/**
 * Parameters of SendRoomMessage (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/send-room-messages
 *
 * @public
 */
export interface SendRoomMessageRequest {
  FromUserId: string;
  RoomId: string;
  MessageType: number;
  Priority: 1 | 2 | 3;
  MessageBody: {
    [k: string]: unknown;
  };
  SubMsgType?: number;
  SearchedContent?: string;
  SenderUnaware?: number;
}

/**
 * The answer of SendRoomMessage.
 *
 * @see https://www.zegocloud.com/docs/zim-server/messaging/send-room-messages
 *
 * @public
 */
export interface SendRoomMessageResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  AuditInfos?: {
    Index?: number;
    Reason?: string;
  }[];
}

/**
 * Parameters of SetConvMark (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/set-conversation-marks
 *
 * @public
 */
export interface SetConvMarkRequest {
  FromUserId: string;
  /**
   * @maxItems 100
   */
  ConvMarkInfoList: {
    UserId: string;
    SetMarkC2c?: {
      [k: string]: {
        MarkContent: number;
      };
    };
    SetMarkGroup?: {
      [k: string]: {
        MarkContent: number;
      };
    };
    Action: boolean;
  }[];
}

/**
 * The answer of SetConvMark.
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/set-conversation-marks
 *
 * @public
 */
export interface SetConvMarkResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  FailList?: {
    SubCode?: number;
    SubMessage?: string;
    UserId?: string;
    FailList?: {
      Code?: number;
      Message?: string;
      ConvId?: string;
      ConvType?: 0 | 2;
    }[];
  }[];
}

/**
 * Parameters of SetGroupMemberRole (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/set-group-member-roles
 *
 * @public
 */
export interface SetGroupMemberRoleRequest {
  FromUserId: string;
  GroupId: string;
  ToUserId: string;
  Role: 2 | 3;
}

/**
 * The answer of SetGroupMemberRole.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/set-group-member-roles
 *
 * @public
 */
export interface SetGroupMemberRoleResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of SetGroupMembersNickname (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/set-nicknames-of-group-members
 *
 * @public
 */
export interface SetGroupMembersNicknameRequest {
  FromUserId: string;
  GroupId: string;
  UserIds: {
    UserId: string;
    Nickname: string;
  }[];
}

/**
 * The answer of SetGroupMembersNickname.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/set-nicknames-of-group-members
 *
 * @public
 */
export interface SetGroupMembersNicknameResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorUsers?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of SilenceConvNotification (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/mute-notifications-for-conversations
 *
 * @public
 */
export interface SilenceConvNotificationRequest {
  FromUserId: string;
  ConvType: 0 | 2;
  /**
   * @maxItems 10
   */
  ConvIds: string[];
  Enable: boolean;
}

/**
 * The answer of SilenceConvNotification.
 *
 * @see https://www.zegocloud.com/docs/zim-server/conversation/mute-notifications-for-conversations
 *
 * @public
 */
export interface SilenceConvNotificationResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorList?: {
    ConvId?: string;
    SubCode?: number;
    SubMessage?: string;
  }[];
}

/**
 * Parameters of TransferGroupOwner (GET, in the query string).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/transfer-the-group-ownership
 *
 * @public
 */
export interface TransferGroupOwnerRequest {
  FromUserId: string;
  GroupId: string;
  NewOwner: string;
}

/**
 * The answer of TransferGroupOwner.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/transfer-the-group-ownership
 *
 * @public
 */
export interface TransferGroupOwnerResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of UpdateFriendAttributes (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/modify-the-attributes-of-a-friend
 *
 * @public
 */
export interface UpdateFriendAttributesRequest {
  FromUserId: string;
  UserId: string;
  /**
   * @maxItems 5
   */
  Attributes: {
    Key: 'k0' | 'k1' | 'k2' | 'k3' | 'k4';
    Value: string;
  }[];
  Action?: number;
}

/**
 * The answer of UpdateFriendAttributes.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/modify-the-attributes-of-a-friend
 *
 * @public
 */
export interface UpdateFriendAttributesResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  FailKey?: {
    Key?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of UpdateFriendsAlias (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/change-the-alias-of-a-friend
 *
 * @public
 */
export interface UpdateFriendsAliasRequest {
  FromUserId: string;
  /**
   * @maxItems 20
   */
  UserIds: {
    UserId: string;
    FriendAlias?: string;
  }[];
}

/**
 * The answer of UpdateFriendsAlias.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/change-the-alias-of-a-friend
 *
 * @public
 */
export interface UpdateFriendsAliasResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
  }[];
}

/**
 * Parameters of UpdateGroupData (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/update-group-data
 *
 * @public
 */
export interface UpdateGroupDataRequest {
  FromUserId: string;
  GroupId: string;
  GroupAvatar?: string;
  GroupName?: string;
  GroupNotice?: string;
}

/**
 * The answer of UpdateGroupData.
 *
 * @see https://www.zegocloud.com/docs/zim-server/group/update-group-data
 *
 * @public
 */
export interface UpdateGroupDataResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
}

/**
 * Parameters of UserRegister (POST, in the JSON body).
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-register-users
 *
 * @public
 */
export interface UserRegisterRequest {
  /**
   * @maxItems 100
   */
  UserInfo: {
    UserId: string;
    UserName?: string;
    UserAvatar?: string;
  }[];
}

/**
 * The answer of UserRegister.
 *
 * @see https://www.zegocloud.com/docs/zim-server/user/batch-register-users
 *
 * @public
 */
export interface UserRegisterResponse {
  Code: number;
  Message?: string;
  RequestId?: string;
  ErrorList?: {
    UserId?: string;
    SubCode?: number;
    SubMessage?: string;
  }[];
}

/**
 * Every documented ZIM server API action: its parameters and its answer, from the official API documents.
 *
 * @public
 */
export interface ZimApi {
  /** POST AddFriends: https://www.zegocloud.com/docs/zim-server/user/batch-add-friends */
  AddFriends: { params: AddFriendsRequest; response: AddFriendsResponse };
  /** POST AddUsersToBlacklist: https://www.zegocloud.com/docs/zim-server/user/batch-block-users */
  AddUsersToBlacklist: { params: AddUsersToBlacklistRequest; response: AddUsersToBlacklistResponse };
  /** POST C2cDeliveryReceipt: https://www.zegocloud.com/docs/zim-server/messaging/set-delivery-receipts-for-one-to-one-messages */
  C2cDeliveryReceipt: { params: C2cDeliveryReceiptRequest; response: C2cDeliveryReceiptResponse };
  /** POST C2cReadReceipt: https://www.zegocloud.com/docs/zim-server/messaging/set-read-receipts-for-one-to-one-messages */
  C2cReadReceipt: { params: C2cReadReceiptRequest; response: C2cReadReceiptResponse };
  /** GET CallAccept: https://www.zegocloud.com/docs/zim-server/call-invitation/accept-a-call-invitation */
  CallAccept: { params: CallAcceptRequest; response: CallAcceptResponse };
  /** POST CallInvite: https://www.zegocloud.com/docs/zim-server/call-invitation/send-a-call-invitation */
  CallInvite: { params: CallInviteRequest; response: CallInviteResponse };
  /** GET CallReject: https://www.zegocloud.com/docs/zim-server/call-invitation/reject-a-call-invitation */
  CallReject: { params: CallRejectRequest; response: CallRejectResponse };
  /** GET CgiDescribeZIMAudioLicense: https://www.zegocloud.com/docs/zim-server/zim-audio/obtain-a-license */
  CgiDescribeZIMAudioLicense: {
    params: CgiDescribeZIMAudioLicenseRequest;
    response: CgiDescribeZIMAudioLicenseResponse;
  };
  /** POST CheckFriendsRelation: https://www.zegocloud.com/docs/zim-server/user/check-friendships */
  CheckFriendsRelation: { params: CheckFriendsRelationRequest; response: CheckFriendsRelationResponse };
  /** POST CheckUsersIsInBlacklist: https://www.zegocloud.com/docs/zim-server/user/check-blockships */
  CheckUsersIsInBlacklist: {
    params: CheckUsersIsInBlacklistRequest;
    response: CheckUsersIsInBlacklistResponse;
  };
  /** GET ClearConversationUnread: https://www.zegocloud.com/docs/zim-server/conversation/clear-the-unread-message-count-of-a-conversation */
  ClearConversationUnread: {
    params: ClearConversationUnreadRequest;
    response: ClearConversationUnreadResponse;
  };
  /** POST ClearMemberGroupMessage: https://www.zegocloud.com/docs/zim-server/messaging/delete-all-messages-from-a-group-member */
  ClearMemberGroupMessage: {
    params: ClearMemberGroupMessageRequest;
    response: ClearMemberGroupMessageResponse;
  };
  /** POST ClearPeerMessage: https://www.zegocloud.com/docs/zim-server/messaging/delete-all-messages-from-a-one-to-one-conversaiton-user */
  ClearPeerMessage: { params: ClearPeerMessageRequest; response: ClearPeerMessageResponse };
  /** POST ConvPinned: https://www.zegocloud.com/docs/zim-server/conversation/pin-conversations-to-the-top */
  ConvPinned: { params: ConvPinnedRequest; response: ConvPinnedResponse };
  /** POST CreateGroup: https://www.zegocloud.com/docs/zim-server/group/create-a-group */
  CreateGroup: { params: CreateGroupRequest; response: CreateGroupResponse };
  /** POST CreateRoom: https://www.zegocloud.com/docs/zim-server/room/create-a-room */
  CreateRoom: { params: CreateRoomRequest; response: CreateRoomResponse };
  /** GET DeleteAllFriends: https://www.zegocloud.com/docs/zim-server/user/delete-all-friends */
  DeleteAllFriends: { params: DeleteAllFriendsRequest; response: DeleteAllFriendsResponse };
  /** POST DeleteConv: https://www.zegocloud.com/docs/zim-server/conversation/delete-a-conversation */
  DeleteConv: { params: DeleteConvRequest; response: DeleteConvResponse };
  /** POST DeleteFriends: https://www.zegocloud.com/docs/zim-server/user/batch-delete-friends */
  DeleteFriends: { params: DeleteFriendsRequest; response: DeleteFriendsResponse };
  /** GET DestroyRoom: https://www.zegocloud.com/docs/zim-server/room/destroy-the-room */
  DestroyRoom: { params: DestroyRoomRequest; response: DestroyRoomResponse };
  /** GET DismissGroup: https://www.zegocloud.com/docs/zim-server/group/disband-a-group-chat */
  DismissGroup: { params: DismissGroupRequest; response: DismissGroupResponse };
  /** POST EditC2cMsgBody: https://www.zegocloud.com/docs/zim-server/messaging/edit-a-message */
  EditC2cMsgBody: { params: EditC2cMsgBodyRequest; response: EditC2cMsgBodyResponse };
  /** POST EditGroupMsgBody: https://www.zegocloud.com/docs/zim-server/messaging/edit-a-message */
  EditGroupMsgBody: { params: EditGroupMsgBodyRequest; response: EditGroupMsgBodyResponse };
  /** POST FetchForbidGroupList: https://www.zegocloud.com/docs/zim-server/group/fetch-forbid-group-list */
  FetchForbidGroupList: { params: FetchForbidGroupListRequest; response: FetchForbidGroupListResponse };
  /** POST GroupDeliveryReceipt: https://www.zegocloud.com/docs/zim-server/messaging/set-delivery-receipts-for-group-messages */
  GroupDeliveryReceipt: { params: GroupDeliveryReceiptRequest; response: GroupDeliveryReceiptResponse };
  /** POST GroupReadReceipt: https://www.zegocloud.com/docs/zim-server/messaging/set-read-receipts-for-group-messages */
  GroupReadReceipt: { params: GroupReadReceiptRequest; response: GroupReadReceiptResponse };
  /** POST ImportGroupMsg: https://www.zegocloud.com/docs/zim-server/messaging/import-group-messages */
  ImportGroupMsg: { params: ImportGroupMsgRequest; response: ImportGroupMsgResponse };
  /** POST ImportPeerMsg: https://www.zegocloud.com/docs/zim-server/messaging/import-one-to-one-messages */
  ImportPeerMsg: { params: ImportPeerMsgRequest; response: ImportPeerMsgResponse };
  /** POST InviteUsersIntoGroup: https://www.zegocloud.com/docs/zim-server/group/add-group-members */
  InviteUsersIntoGroup: { params: InviteUsersIntoGroupRequest; response: InviteUsersIntoGroupResponse };
  /** POST KickoutGroupUser: https://www.zegocloud.com/docs/zim-server/group/remove-group-member */
  KickoutGroupUser: { params: KickoutGroupUserRequest; response: KickoutGroupUserResponse };
  /** GET KickoutRoomUser: https://www.zegocloud.com/docs/zim-server/room/remove-user-from-the-room */
  KickoutRoomUser: { params: KickoutRoomUserRequest; response: KickoutRoomUserResponse };
  /** POST ModifyGroupAttribute: https://www.zegocloud.com/docs/zim-server/group/modify-group-attributes */
  ModifyGroupAttribute: { params: ModifyGroupAttributeRequest; response: ModifyGroupAttributeResponse };
  /** GET ModifyGroupLimit: https://www.zegocloud.com/docs/zim-server/group/modify-group-specification-limits */
  ModifyGroupLimit: { params: ModifyGroupLimitRequest; response: ModifyGroupLimitResponse };
  /** POST ModifyRoomAttribute: https://www.zegocloud.com/docs/zim-server/room/update-room-attributes */
  ModifyRoomAttribute: { params: ModifyRoomAttributeRequest; response: ModifyRoomAttributeResponse };
  /** POST ModifyUserInfo: https://www.zegocloud.com/docs/zim-server/user/modify-user-information */
  ModifyUserInfo: { params: ModifyUserInfoRequest; response: ModifyUserInfoResponse };
  /** GET MuteGroup: https://www.zegocloud.com/docs/zim-server/group/mute-a-group */
  MuteGroup: { params: MuteGroupRequest; response: MuteGroupResponse };
  /** GET MuteGroupMembers: https://www.zegocloud.com/docs/zim-server/group/mute-group-members */
  MuteGroupMembers: { params: MuteGroupMembersRequest; response: MuteGroupMembersResponse };
  /** GET QueryAppCommunityList: https://www.zegocloud.com/docs/zim-server/community/query-community-list */
  QueryAppCommunityList: { params: QueryAppCommunityListRequest; response: QueryAppCommunityListResponse };
  /** GET QueryAppGroupList: https://www.zegocloud.com/docs/zim-server/group/query-group-list-in-the-app */
  QueryAppGroupList: { params: QueryAppGroupListRequest; response: QueryAppGroupListResponse };
  /** GET QueryBlacklist: https://www.zegocloud.com/docs/zim-server/user/query-the-blocklist */
  QueryBlacklist: { params: QueryBlacklistRequest; response: QueryBlacklistResponse };
  /** POST QueryConversationList: https://www.zegocloud.com/docs/zim-server/conversation/query-conversation-list */
  QueryConversationList: { params: QueryConversationListRequest; response: QueryConversationListResponse };
  /** GET QueryFriendList: https://www.zegocloud.com/docs/zim-server/user/query-the-friend-list */
  QueryFriendList: { params: QueryFriendListRequest; response: QueryFriendListResponse };
  /** POST QueryGroupInfo: https://www.zegocloud.com/docs/zim-server/group/query-group-info */
  QueryGroupInfo: { params: QueryGroupInfoRequest; response: QueryGroupInfoResponse };
  /** POST QueryGroupMemberList: https://www.zegocloud.com/docs/zim-server/group/query-group-member-list */
  QueryGroupMemberList: { params: QueryGroupMemberListRequest; response: QueryGroupMemberListResponse };
  /** POST QueryGroupMsg: https://www.zegocloud.com/docs/zim-server/conversation/query-the-message-list-of-group-chats */
  QueryGroupMsg: { params: QueryGroupMsgRequest; response: QueryGroupMsgResponse };
  /** POST QueryGroupsInfoOfUser: https://www.zegocloud.com/docs/zim-server/user/query-group-information-of-user-joined */
  QueryGroupsInfoOfUser: { params: QueryGroupsInfoOfUserRequest; response: QueryGroupsInfoOfUserResponse };
  /** POST QueryMessagesByMsgSeq: https://www.zegocloud.com/docs/zim-server/messaging/query-messages */
  QueryMessagesByMsgSeq: { params: QueryMessagesByMsgSeqRequest; response: QueryMessagesByMsgSeqResponse };
  /** POST QueryPeerMsg: https://www.zegocloud.com/docs/zim-server/conversation/query-the-message-list-of-one-on-one-chats */
  QueryPeerMsg: { params: QueryPeerMsgRequest; response: QueryPeerMsgResponse };
  /** POST QueryRoomAttribute: https://www.zegocloud.com/docs/zim-server/room/query-room-attributes */
  QueryRoomAttribute: { params: QueryRoomAttributeRequest; response: QueryRoomAttributeResponse };
  /** GET QueryRoomMembers: https://www.zegocloud.com/docs/zim-server/room/query-whether-a-user-is-in-a-room */
  QueryRoomMembers: { params: QueryRoomMembersRequest; response: QueryRoomMembersResponse };
  /** GET QueryRoomUserList: https://www.zegocloud.com/docs/zim-server/room/obtain-information-about-users-in-a-room */
  QueryRoomUserList: { params: QueryRoomUserListRequest; response: QueryRoomUserListResponse };
  /** POST QueryUserInfos: https://www.zegocloud.com/docs/zim-server/user/query-user-information */
  QueryUserInfos: { params: QueryUserInfosRequest; response: QueryUserInfosResponse };
  /** GET QueryUserOnlineState: https://www.zegocloud.com/docs/zim-server/user/query-users-online-status */
  QueryUserOnlineState: { params: QueryUserOnlineStateRequest; response: QueryUserOnlineStateResponse };
  /** POST RemoveUsersFromBlacklist: https://www.zegocloud.com/docs/zim-server/user/batch-unblock-users */
  RemoveUsersFromBlacklist: {
    params: RemoveUsersFromBlacklistRequest;
    response: RemoveUsersFromBlacklistResponse;
  };
  /** POST RevokeGroupMessage: https://www.zegocloud.com/docs/zim-server/messaging/recall-a-group-message */
  RevokeGroupMessage: { params: RevokeGroupMessageRequest; response: RevokeGroupMessageResponse };
  /** POST RevokePeerMessage: https://www.zegocloud.com/docs/zim-server/messaging/recall-a-one-to-one-message */
  RevokePeerMessage: { params: RevokePeerMessageRequest; response: RevokePeerMessageResponse };
  /** POST RevokeRoomMessage: https://www.zegocloud.com/docs/zim-server/messaging/recall-a-room-message */
  RevokeRoomMessage: { params: RevokeRoomMessageRequest; response: RevokeRoomMessageResponse };
  /** POST RobotRegister: https://www.zegocloud.com/docs/zim-server/bot/register-bots */
  RobotRegister: { params: RobotRegisterRequest; response: RobotRegisterResponse };
  /** POST SendFriendApplication: https://www.zegocloud.com/docs/zim-server/user/batch-send-friend-requests */
  SendFriendApplication: { params: SendFriendApplicationRequest; response: SendFriendApplicationResponse };
  /** POST SendGroupMessage: https://www.zegocloud.com/docs/zim-server/messaging/send-group-messages */
  SendGroupMessage: { params: SendGroupMessageRequest; response: SendGroupMessageResponse };
  /** POST SendMessageToAllUsers: https://www.zegocloud.com/docs/zim-server/messaging/push-message-to-all-users */
  SendMessageToAllUsers: { params: SendMessageToAllUsersRequest; response: SendMessageToAllUsersResponse };
  /** POST SendPeerMessage: https://www.zegocloud.com/docs/zim-server/messaging/send-a-one-to-one-message */
  SendPeerMessage: { params: SendPeerMessageRequest; response: SendPeerMessageResponse };
  /** POST SendRoomMessage: https://www.zegocloud.com/docs/zim-server/messaging/send-room-messages */
  SendRoomMessage: { params: SendRoomMessageRequest; response: SendRoomMessageResponse };
  /** POST SetConvMark: https://www.zegocloud.com/docs/zim-server/conversation/set-conversation-marks */
  SetConvMark: { params: SetConvMarkRequest; response: SetConvMarkResponse };
  /** GET SetGroupMemberRole: https://www.zegocloud.com/docs/zim-server/group/set-group-member-roles */
  SetGroupMemberRole: { params: SetGroupMemberRoleRequest; response: SetGroupMemberRoleResponse };
  /** POST SetGroupMembersNickname: https://www.zegocloud.com/docs/zim-server/group/set-nicknames-of-group-members */
  SetGroupMembersNickname: {
    params: SetGroupMembersNicknameRequest;
    response: SetGroupMembersNicknameResponse;
  };
  /** POST SilenceConvNotification: https://www.zegocloud.com/docs/zim-server/conversation/mute-notifications-for-conversations */
  SilenceConvNotification: {
    params: SilenceConvNotificationRequest;
    response: SilenceConvNotificationResponse;
  };
  /** GET TransferGroupOwner: https://www.zegocloud.com/docs/zim-server/group/transfer-the-group-ownership */
  TransferGroupOwner: { params: TransferGroupOwnerRequest; response: TransferGroupOwnerResponse };
  /** POST UpdateFriendAttributes: https://www.zegocloud.com/docs/zim-server/user/modify-the-attributes-of-a-friend */
  UpdateFriendAttributes: { params: UpdateFriendAttributesRequest; response: UpdateFriendAttributesResponse };
  /** POST UpdateFriendsAlias: https://www.zegocloud.com/docs/zim-server/user/change-the-alias-of-a-friend */
  UpdateFriendsAlias: { params: UpdateFriendsAliasRequest; response: UpdateFriendsAliasResponse };
  /** POST UpdateGroupData: https://www.zegocloud.com/docs/zim-server/group/update-group-data */
  UpdateGroupData: { params: UpdateGroupDataRequest; response: UpdateGroupDataResponse };
  /** POST UserRegister: https://www.zegocloud.com/docs/zim-server/user/batch-register-users */
  UserRegister: { params: UserRegisterRequest; response: UserRegisterResponse };
}
