import type { MockStateView } from '../MockState.js';
import type { MockRecordsJson } from './MockRecordsJson.js';

/** A value with its maps as objects and its sets as arrays, for JSON. */
function plain(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]));
  if (value instanceof Set) return [...value].map(plain);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = plain((value as Record<string, unknown>)[key]);
    // a record class (GroupRecord, RoomRecord) derives some fields in getters: read those too
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto)))
        if (d.get && !(key in out)) out[key] = plain((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** What `GET /_mock/records` answers: the state view, as JSON. */
export function recordsOf(state: MockStateView): MockRecordsJson {
  const users = [...state.users.keys()];
  const byUser = <T>(list: (userId: string) => readonly T[]) =>
    Object.fromEntries(users.map((u) => [u, plain(list(u))]));
  return {
    users: plain(state.users),
    groups: plain(state.groups),
    rooms: plain(state.rooms),
    calls: plain(state.calls),
    messages: plain(state.messages),
    broadcasts: plain(state.broadcasts),
    friends: byUser((u) => state.friendsOf(u)),
    friendApplications: byUser((u) => state.friendApplicationsTo(u)),
    blacklists: byUser((u) => state.blacklistOf(u)),
    conversations: byUser((u) => state.conversationsOf(u)),
  } as MockRecordsJson;
}
