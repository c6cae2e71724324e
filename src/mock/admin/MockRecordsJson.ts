import type {
  MockCall,
  MockConversation,
  MockFriend,
  MockFriendApplication,
  MockGroup,
  MockPeerMessage,
  MockRoom,
  MockUser,
} from '../MockRecords.js';
import type { MockBroadcast } from '../MockState.js';

/**
 * A record as JSON carries it: a `Map` becomes an object keyed as the map was, a `Set` an array.
 *
 * @public
 */
export type MockJson<T> =
  T extends ReadonlyMap<string, infer V>
    ? { readonly [key: string]: MockJson<V> }
    : T extends ReadonlySet<infer V>
      ? readonly MockJson<V>[]
      : T extends readonly (infer E)[]
        ? readonly MockJson<E>[]
        : T extends object
          ? { readonly [K in keyof T]: MockJson<T[K]> }
          : T;

/**
 * `GET /_mock/records`: what the server holds (`server.state`), as JSON. The per-user lists
 * (friends, friend applications, blocklist, conversations) are keyed by UserId, for every
 * registered user.
 *
 * @public
 */
export interface MockRecordsJson {
  readonly users: { readonly [userId: string]: MockJson<MockUser> };
  readonly groups: { readonly [groupId: string]: MockJson<MockGroup> };
  readonly rooms: { readonly [roomId: string]: MockJson<MockRoom> };
  readonly calls: { readonly [callId: string]: MockJson<MockCall> };
  readonly messages: readonly MockJson<MockPeerMessage>[];
  readonly broadcasts: readonly MockJson<MockBroadcast>[];
  readonly friends: { readonly [userId: string]: readonly MockJson<MockFriend>[] };
  readonly friendApplications: { readonly [userId: string]: readonly MockJson<MockFriendApplication>[] };
  readonly blacklists: { readonly [userId: string]: readonly string[] };
  readonly conversations: { readonly [userId: string]: readonly MockJson<MockConversation>[] };
}
