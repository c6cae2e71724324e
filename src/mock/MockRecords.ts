/**
 * What the mock server keeps, per server. Records use ZIM's own field names, as in the calls
 * that made them, so a test finds what it sent.
 */

/**
 * A registered user (UserRegister or RobotRegister).
 *
 * @public
 */
export interface MockUser {
  readonly UserId: string;
  readonly UserName: string;
  /** '' when none was given. */
  readonly UserAvatar: string;
  /** '' when none was given (ModifyUserInfo). */
  readonly Extra: string;
  /** Registered by RobotRegister. */
  readonly IsRobot: boolean;
  /** What QueryUserOnlineState answers (`server.setUserOnline`); false after registration. */
  readonly Online: boolean;
  /** Server clock (ms) of the registration. */
  readonly RegisteredAt: number;
}

/**
 * One entry of a user's friend list.
 *
 * @public
 */
export interface MockFriend {
  readonly UserId: string;
  readonly FriendAlias: string;
  readonly Wording: string;
  /** Server clock (ms), or the `FriendTime` given (in seconds, times 1000). */
  readonly CreateTime: number;
  /** Friend attributes k0..k4. */
  readonly Attributes: Readonly<Record<string, string>>;
}

/**
 * A friend application sent by SendFriendApplication, waiting for an answer.
 *
 * @public
 */
export interface MockFriendApplication {
  readonly FromUserId: string;
  readonly UserId: string;
  readonly Wording: string;
  readonly FriendAlias: string;
  readonly SentAt: number;
}

/**
 * A member of a group. Role: 1 owner, 2 admin, 3 member.
 *
 * @public
 */
export interface MockGroupMember {
  readonly UserId: string;
  readonly Role: 1 | 2 | 3;
  readonly Nickname: string;
  readonly JoinedAt: number;
  /** Server clock (ms) until which the member is muted; -1 for ever; 0 not muted. */
  readonly MutedUntil: number;
}

/**
 * A message of a conversation (one-to-one, group or room), as the query actions answer it.
 *
 * @public
 */
export interface MockMessage {
  readonly MsgId: number;
  /** Its sequence number in the conversation, 1, 2, 3... */
  readonly MsgSeq: number;
  readonly Sender: string;
  readonly MessageType: number;
  readonly SubMsgType: number;
  readonly MessageBody: unknown;
  readonly Priority: number | undefined;
  /** Server clock (ms) when it was sent (or the `SendMessageTime` of an import, in ms). */
  readonly SentAt: number;
  readonly Imported: boolean;
  readonly Revoked: boolean;
  /** How many times it was edited. */
  readonly EditCount: number;
  readonly ReadBy: readonly string[];
  readonly DeliveredTo: readonly string[];
}

/**
 * A group created through CreateGroup.
 *
 * @public
 */
export interface MockGroup {
  readonly GroupId: string;
  readonly GroupName: string;
  readonly GroupNotice: string;
  readonly GroupAvatar: string;
  /** The owner (`GroupOwner` of CreateGroup, or the new owner of TransferGroupOwner). */
  readonly OwnerId: string;
  /** The owner first, then the members in the order they joined. */
  readonly MemberIds: readonly string[];
  readonly Members: ReadonlyMap<string, MockGroupMember>;
  readonly Attributes: ReadonlyMap<string, string>;
  readonly IsAllMuted: boolean;
  readonly MuteRoleList: readonly number[];
  /** Server clock (ms) until which the group is muted; -1 for ever; 0 not muted. */
  readonly MutedUntil: number;
  readonly JoinMode: number;
  readonly InviteMode: number;
  readonly BeInvitedMode: number;
  /** 0: no limit set. */
  readonly MemberCountLimit: number;
  /** Goes up with every UpdateGroupData. */
  readonly DataSeq: number;
  readonly Messages: readonly MockMessage[];
  readonly CreatedAt: number;
}

/**
 * A room attribute.
 *
 * @public
 */
export interface MockRoomAttribute {
  readonly Value: string;
  readonly Seq: number;
  readonly AutoDelete: number;
}

/**
 * A room created through CreateRoom.
 *
 * @public
 */
export interface MockRoom {
  readonly RoomId: string;
  readonly RoomName: string;
  /** The creator, then the users added by `server.joinRoom`. */
  readonly MemberIds: readonly string[];
  readonly Attributes: ReadonlyMap<string, MockRoomAttribute>;
  readonly AttributeSeq: number;
  readonly Messages: readonly MockMessage[];
  readonly CreatedAt: number;
}

/**
 * A one-to-one message call recorded by SendPeerMessage or ImportPeerMsg (one record per call).
 *
 * @public
 */
export interface MockPeerMessage {
  /** The id the server answered with, 1, 2, 3... per server (shared by all conversations). */
  readonly MsgId: number;
  readonly FromUserId: string;
  readonly ToUserId: readonly string[];
  readonly MessageType: number | undefined;
  readonly MessageBody: unknown;
  /** Server clock (ms) when it was recorded. */
  readonly SentAt: number;
}

/**
 * A conversation in a user's list. ConvType: 0 one-to-one, 2 group.
 *
 * @public
 */
export interface MockConversation {
  readonly ConvId: string;
  readonly ConvType: 0 | 2;
  readonly UpdateTime: number;
  readonly UnreadCount: number;
  readonly Pinned: boolean;
  readonly Silenced: boolean;
  /** The marks set by SetConvMark, as sent. */
  readonly Marks: unknown;
}

/**
 * A call invitation (CallInvite). A callee's state: invited, accepted or rejected.
 *
 * @public
 */
export interface MockCall {
  readonly CallId: string;
  readonly Inviter: string;
  readonly Callees: ReadonlyMap<string, 'invited' | 'accepted' | 'rejected'>;
  readonly CreateTime: number;
  /** Seconds after CreateTime when an unanswered invitation times out. */
  readonly Timeout: number;
  readonly ExtendedData: string;
  /** True once every callee rejected it. */
  readonly Ended: boolean;
}
