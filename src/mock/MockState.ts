import type {
  MockCall,
  MockConversation,
  MockFriend,
  MockFriendApplication,
  MockGroup,
  MockGroupMember,
  MockMessage,
  MockPeerMessage,
  MockRoom,
  MockRoomAttribute,
  MockUser,
} from './MockRecords.js';

type Mut<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A message sent to every user (SendMessageToAllUsers).
 *
 * @public
 */
export interface MockBroadcast {
  readonly FromUserId: string;
  readonly MessageType: number;
  readonly MessageBody: unknown;
  readonly SentAt: number;
}

/**
 * What a test can read of the server's state (`server.state`).
 *
 * @public
 */
export interface MockStateView {
  /** Registered users (and robots) by UserId. */
  readonly users: ReadonlyMap<string, MockUser>;
  /** Groups by GroupId (dismissed groups are gone). */
  readonly groups: ReadonlyMap<string, MockGroup>;
  /** Rooms by RoomId (destroyed rooms are gone). */
  readonly rooms: ReadonlyMap<string, MockRoom>;
  /** One-to-one message calls (SendPeerMessage, ImportPeerMsg), in the order they were committed. */
  readonly messages: readonly MockPeerMessage[];
  /** Messages sent to every user, in order. */
  readonly broadcasts: readonly MockBroadcast[];
  /** Call invitations by CallId. */
  readonly calls: ReadonlyMap<string, MockCall>;
  /** The friend list of a user, in the order they were added. */
  friendsOf(userId: string): readonly MockFriend[];
  /** The friend applications sent to a user and not answered. */
  friendApplicationsTo(userId: string): readonly MockFriendApplication[];
  /** Whom a user has blocked, in the order they were blocked. */
  blacklistOf(userId: string): readonly string[];
  /** A user's conversation list, the most recently updated first. */
  conversationsOf(userId: string): readonly MockConversation[];
  /** The one-to-one conversation of two users, in MsgSeq order. */
  peerConversation(userA: string, userB: string): readonly MockMessage[];
  /** The one-to-one messages a user received (every conversation), in the order they were sent. */
  received(userId: string): readonly MockMessage[];
  /** The members of a group (the owner first), or undefined when there is no such group. */
  groupMembers(groupId: string): readonly string[] | undefined;
}

/** A group as the handlers change it. */
export class GroupRecord implements MockGroup {
  GroupName = '';
  GroupNotice = '';
  GroupAvatar = '';
  OwnerId: string;
  readonly Members = new Map<string, Mut<MockGroupMember>>();
  readonly Attributes = new Map<string, string>();
  IsAllMuted = false;
  MuteRoleList: readonly number[] = [];
  MutedUntil = 0;
  JoinMode = 0;
  InviteMode = 0;
  BeInvitedMode = 0;
  MemberCountLimit = 0;
  DataSeq = 1;
  readonly Messages: Mut<MockMessage>[] = [];

  constructor(
    readonly GroupId: string,
    ownerId: string,
    readonly CreatedAt: number,
  ) {
    this.OwnerId = ownerId;
  }

  get MemberIds(): readonly string[] {
    return [this.OwnerId, ...[...this.Members.keys()].filter((id) => id !== this.OwnerId)];
  }

  /** Adds a member (Role 3) unless present. */
  join(userId: string, joinedAt: number, role: 1 | 2 | 3 = 3): void {
    if (!this.Members.has(userId))
      this.Members.set(userId, {
        UserId: userId,
        Role: role,
        Nickname: '',
        JoinedAt: joinedAt,
        MutedUntil: 0,
      });
  }
}

/** A room as the handlers change it. */
export class RoomRecord implements MockRoom {
  RoomName = '';
  readonly Members = new Set<string>();
  readonly Attributes = new Map<string, Mut<MockRoomAttribute>>();
  AttributeSeq = 0;
  readonly Messages: Mut<MockMessage>[] = [];

  constructor(
    readonly RoomId: string,
    readonly CreatedAt: number,
  ) {}

  get MemberIds(): readonly string[] {
    return [...this.Members];
  }
}

/** A call as the handlers change it. */
export interface CallRecord extends Mut<Omit<MockCall, 'Callees'>> {
  readonly Callees: Map<string, 'invited' | 'accepted' | 'rejected'>;
}

/** The key of the one-to-one conversation of two users (the same both ways). */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * The server's state: what the handlers commit. Its fields are the handlers' working maps;
 * outside, the server hands out only its `MockStateView`.
 */
export class MockState implements MockStateView {
  readonly users = new Map<string, Mut<MockUser>>();
  /** Owner → friend id → friend. */
  readonly friends = new Map<string, Map<string, Mut<MockFriend>>>();
  /** Receiver → sender → application. */
  readonly applications = new Map<string, Map<string, MockFriendApplication>>();
  /** Owner → blocked id → server clock (ms) of the block. */
  readonly blacklists = new Map<string, Map<string, number>>();
  readonly groups = new Map<string, GroupRecord>();
  readonly rooms = new Map<string, RoomRecord>();
  readonly messages: MockPeerMessage[] = [];
  /** pairKey → the conversation's messages. */
  readonly peerConversations = new Map<string, Mut<MockMessage>[]>();
  /** User → `${ConvType}:${ConvId}` → conversation. */
  readonly conversations = new Map<string, Map<string, Mut<MockConversation>>>();
  readonly broadcasts: MockBroadcast[] = [];
  readonly calls = new Map<string, CallRecord>();
  #nextMsgId = 1;
  #nextGroup = 1;
  #nextCall = 1;

  /** The next MsgId (one counter for every conversation). */
  newMsgId(): number {
    return this.#nextMsgId++;
  }

  /** A group id that is not taken, for CreateGroup calls without one. */
  newGroupId(): string {
    let id: string;
    do id = `group${this.#nextGroup++}`;
    while (this.groups.has(id));
    return id;
  }

  /** A new CallId. */
  newCallId(): string {
    return `call${this.#nextCall++}`;
  }

  /** The map in `outer` under `key`, made when missing. */
  static inner<K, V>(outer: Map<string, Map<K, V>>, key: string): Map<K, V> {
    let map = outer.get(key);
    if (map === undefined) {
      map = new Map();
      outer.set(key, map);
    }
    return map;
  }

  /** The one-to-one conversation of two users, made when missing. */
  peerConversationOf(a: string, b: string): Mut<MockMessage>[] {
    const key = pairKey(a, b);
    let list = this.peerConversations.get(key);
    if (list === undefined) {
      list = [];
      this.peerConversations.set(key, list);
    }
    return list;
  }

  /** Moves a conversation of `userId` to now (made when missing); `unread` adds to its unread count. */
  touchConversation(userId: string, convType: 0 | 2, convId: string, now: number, unread: boolean): void {
    const convs = MockState.inner(this.conversations, userId);
    const key = `${convType}:${convId}`;
    const conv = convs.get(key) ?? {
      ConvId: convId,
      ConvType: convType,
      UpdateTime: now,
      UnreadCount: 0,
      Pinned: false,
      Silenced: false,
      Marks: undefined,
    };
    conv.UpdateTime = now;
    if (unread) conv.UnreadCount++;
    convs.delete(key);
    convs.set(key, conv); // the most recent last in the map
  }

  friendsOf(userId: string): readonly MockFriend[] {
    return [...(this.friends.get(userId)?.values() ?? [])];
  }

  friendApplicationsTo(userId: string): readonly MockFriendApplication[] {
    return [...(this.applications.get(userId)?.values() ?? [])];
  }

  blacklistOf(userId: string): readonly string[] {
    return [...(this.blacklists.get(userId)?.keys() ?? [])];
  }

  conversationsOf(userId: string): readonly MockConversation[] {
    return [...(this.conversations.get(userId)?.values() ?? [])].reverse();
  }

  peerConversation(userA: string, userB: string): readonly MockMessage[] {
    return this.peerConversations.get(pairKey(userA, userB)) ?? [];
  }

  received(userId: string): readonly MockMessage[] {
    const out: MockMessage[] = [];
    for (const [key, list] of this.peerConversations) {
      if (!key.split('\u0000').includes(userId)) continue;
      for (const m of list) if (m.Sender !== userId || key === pairKey(userId, userId)) out.push(m);
    }
    return out.sort((a, b) => a.MsgId - b.MsgId);
  }

  groupMembers(groupId: string): readonly string[] | undefined {
    return this.groups.get(groupId)?.MemberIds;
  }
}
