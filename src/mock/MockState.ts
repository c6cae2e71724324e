/**
 * The server's state. Records use ZIM's own field names, as in the calls that made them, so
 * a test finds what it sent: `{ FromUserId, ToUserId, MessageType, MessageBody }`.
 */

/** A registered user (from UserRegister's `UserInfo` items). */
export interface MockUser {
  readonly UserId: string;
  readonly UserName: string;
  /** '' when none was given. */
  readonly UserAvatar: string;
  /** Server clock (ms) of the last registration. */
  readonly RegisteredAt: number;
}

/** A group created through CreateGroup. */
export interface MockGroup {
  readonly GroupId: string;
  readonly GroupName: string;
  /** The `FromUserId` of CreateGroup. */
  readonly OwnerId: string;
  /** The owner first, then the members in the order they joined. */
  readonly MemberIds: readonly string[];
  /** Server clock (ms) of its creation. */
  readonly CreatedAt: number;
}

/** A one-to-one message recorded by SendPeerMessage (one record per call). */
export interface MockPeerMessage {
  /** The id the server answered with, 1, 2, 3... per server. */
  readonly MsgId: number;
  readonly FromUserId: string;
  readonly ToUserId: readonly string[];
  readonly MessageType: number | undefined;
  readonly MessageBody: unknown;
  /** Server clock (ms) when it was recorded. */
  readonly SentAt: number;
}

/** What a test can read of the server's state (`server.state`). */
export interface MockStateView {
  /** Registered users by UserId. */
  readonly users: ReadonlyMap<string, MockUser>;
  /** Groups by GroupId. */
  readonly groups: ReadonlyMap<string, MockGroup>;
  /** Recorded peer messages, in the order they were committed. */
  readonly messages: readonly MockPeerMessage[];
}

/** The server's state: what the handlers commit. Outside, only its `MockStateView` is visible. */
export class MockState implements MockStateView {
  readonly #users = new Map<string, MockUser>();
  readonly #groups = new Map<string, MockGroup>();
  readonly #messages: MockPeerMessage[] = [];
  #nextGroup = 1;

  get users(): ReadonlyMap<string, MockUser> {
    return this.#users;
  }

  get groups(): ReadonlyMap<string, MockGroup> {
    return this.#groups;
  }

  get messages(): readonly MockPeerMessage[] {
    return this.#messages;
  }

  /** Registers a user, or updates one that exists (registration is idempotent). */
  registerUser(user: MockUser): void {
    this.#users.set(user.UserId, Object.freeze({ ...user }));
  }

  /** Stores a group (new, or with changed members). */
  putGroup(group: MockGroup): void {
    this.#groups.set(
      group.GroupId,
      Object.freeze({ ...group, MemberIds: Object.freeze([...group.MemberIds]) }),
    );
  }

  /** A group id that is not taken, for CreateGroup calls without one. */
  newGroupId(): string {
    let id: string;
    do id = `group${this.#nextGroup++}`;
    while (this.#groups.has(id));
    return id;
  }

  /** Records a message and gives it the next MsgId. */
  recordPeerMessage(message: Omit<MockPeerMessage, 'MsgId'>): MockPeerMessage {
    const recorded: MockPeerMessage = Object.freeze({
      MsgId: this.#messages.length + 1,
      ...message,
      ToUserId: Object.freeze([...message.ToUserId]),
    });
    this.#messages.push(recorded);
    return recorded;
  }
}
