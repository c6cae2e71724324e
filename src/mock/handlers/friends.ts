import { MockState } from '../MockState.js';
import type { ErrorItem, Handler, HandlerContext } from './Handler.js';
import { page } from './paging.js';
import { list, num, objects, str } from './params.js';
import { errorItem, isResult, ok, refuse } from './results.js';

/** ZIM's default friend limit per user. */
const MAX_FRIENDS = 3000;

type Item = Readonly<Record<string, unknown>>;

/** Attributes `[{ Key, Value }]` as a record, or the SubCode of what is wrong with them. */
function attributesOf(item: Item): Record<string, string> | number {
  const out: Record<string, string> = {};
  const attributes = Array.isArray(item['Attributes']) ? (item['Attributes'] as Item[]) : [];
  let total = 0;
  for (const a of attributes) {
    const key = String(a['Key']);
    if (Object.hasOwn(out, key)) return 660800032; // duplicate Key
    out[key] = String(a['Value'] ?? '');
    total += key.length + out[key].length;
  }
  return total > 2048 ? 660800024 : out;
}

/** Checks shared by AddFriends and SendFriendApplication; the SubCode of a refused item. */
function friendItemCode(ctx: HandlerContext, from: string, item: Item): number | undefined {
  const userId = String(item['UserId']);
  if (userId === from) return 660800020;
  if (!ctx.state.users.has(userId)) return 660700015;
  if (ctx.state.friends.get(from)?.has(userId)) return 660800027;
  const time = Number(item['FriendTime'] ?? item['CreateTime'] ?? 0);
  if (time * 1000 > ctx.serverNowMs + 1000) return 660800046;
  if ((ctx.state.friends.get(from)?.size ?? 0) >= MAX_FRIENDS) return 660800028;
  return undefined;
}

/** Duplicate UserIds in one call: 660800022 for the whole call. */
function hasDuplicates(ids: readonly string[]): boolean {
  return new Set(ids).size !== ids.length;
}

/** A refused item of AddFriends or SendFriendApplication (these answer no SubMessage). */
type FriendItemError = { readonly UserId: string; readonly SubCode: number };

/**
 * The items of an AddFriends or SendFriendApplication call that pass every check, each given to
 * `accept` with its attributes; the refused ones, with their SubCode. Null when two items name the
 * same user (660800022 for the whole call).
 */
function friendItems(
  ctx: HandlerContext,
  from: string,
  items: readonly Item[],
  accept: (item: Item, userId: string, attributes: Record<string, string>) => void,
): FriendItemError[] | null {
  if (hasDuplicates(items.map((i) => String(i['UserId'])))) return null;
  const errors: FriendItemError[] = [];
  for (const item of items) {
    const userId = String(item['UserId']);
    const attributes = attributesOf(item);
    const code = typeof attributes === 'number' ? attributes : friendItemCode(ctx, from, item);
    if (code !== undefined) errors.push({ UserId: userId, SubCode: code });
    else if (typeof attributes !== 'number') accept(item, userId, attributes);
  }
  return errors;
}

/** AddFriends: both users become friends of each other at once. */
const AddFriends: Handler = (ctx) => {
  const from = str(ctx.params, 'FromUserId');
  const items = objects(ctx.params, 'FriendInfos');
  const errors = friendItems(ctx, from, items, (item, userId, attributes) => {
    const time = Number(item['FriendTime'] ?? 0) * 1000 || ctx.serverNowMs;
    const entry = (friendId: string, alias: string) => ({
      UserId: friendId,
      FriendAlias: alias,
      Wording: String(item['Wording'] ?? ''),
      CreateTime: time,
      Attributes: attributes,
    });
    MockState.inner(ctx.state.friends, from).set(userId, entry(userId, String(item['FriendAlias'] ?? '')));
    MockState.inner(ctx.state.friends, userId).set(from, entry(from, ''));
    ctx.state.applications.get(userId)?.delete(from);
  });
  if (!errors) return refuse(660800022);
  if (items.length > 0 && errors.length === items.length && errors.every((e) => e.SubCode === 660700015))
    return refuse(660800025);
  return ok({ ErrorList: errors });
};

/** SendFriendApplication: records an application to each user (see `state.friendApplicationsTo`). */
const SendFriendApplication: Handler = (ctx) => {
  const from = str(ctx.params, 'FromUserId');
  const errors = friendItems(ctx, from, objects(ctx.params, 'FriendInfos'), (item, userId) => {
    MockState.inner(ctx.state.applications, userId).set(from, {
      FromUserId: from,
      UserId: userId,
      Wording: String(item['Wording'] ?? ''),
      FriendAlias: String(item['FriendAlias'] ?? ''),
      SentAt: ctx.serverNowMs,
    });
  });
  return errors ? ok({ ErrorList: errors }) : refuse(660800022);
};

/** DeleteFriends: DeleteType 0 both ways, 1 only from FromUserId's list. */
const DeleteFriends: Handler = ({ params, state }) => {
  const from = str(params, 'FromUserId');
  const ids = list(params, 'UserIds');
  if (hasDuplicates(ids)) return refuse(660800022);
  const both = num(params, 'DeleteType', 0) === 0;
  const errors: ErrorItem[] = [];
  for (const userId of ids) {
    if (userId === from) errors.push(errorItem(userId, 660800033));
    else if (!state.friends.get(from)?.delete(userId)) errors.push(errorItem(userId, 660800034));
    else if (both) state.friends.get(userId)?.delete(from);
  }
  return ok({ ErrorList: errors.map(({ UserId, SubCode }) => ({ UserId, SubCode })) });
};

/** DeleteAllFriends: DeleteType 0 both ways, 1 only FromUserId's list. */
const DeleteAllFriends: Handler = ({ params, state }) => {
  const from = str(params, 'FromUserId');
  const both = num(params, 'DeleteType', 0) === 0;
  for (const friendId of state.friends.get(from)?.keys() ?? [])
    if (both) state.friends.get(friendId)?.delete(from);
  state.friends.delete(from);
  return ok();
};

/**
 * CheckFriendsRelation: CheckType 0 checks FromUserId's list only (Relation 1 friend, 0 not);
 * CheckType 1 both lists (0 none, 1 only in FromUserId's, 2 only in theirs, 3 both).
 */
const CheckFriendsRelation: Handler = ({ params, state }) => {
  const from = str(params, 'FromUserId');
  const twoWay = num(params, 'CheckType', 0) === 1;
  const successes: { UserId: string; Relation: number }[] = [];
  const fails: { UserId: string; SubCode: number; Relation: number }[] = [];
  for (const userId of list(params, 'UserIds')) {
    if (!state.users.has(userId)) {
      fails.push({ UserId: userId, SubCode: 660700015, Relation: 0 });
      continue;
    }
    const mine = state.friends.get(from)?.has(userId) === true;
    const theirs = state.friends.get(userId)?.has(from) === true;
    successes.push({ UserId: userId, Relation: twoWay ? (mine ? 1 : 0) + (theirs ? 2 : 0) : mine ? 1 : 0 });
  }
  return ok({ Successes: successes, Fails: fails });
};

/** UpdateFriendsAlias: users that are not friends go to ErrorList (660800034). */
const UpdateFriendsAlias: Handler = ({ params, state }) => {
  const from = str(params, 'FromUserId');
  const errors: { UserId: string; SubCode: number }[] = [];
  for (const item of objects(params, 'UserIds')) {
    const userId = String(item['UserId']);
    const friend = state.friends.get(from)?.get(userId);
    if (friend === undefined) errors.push({ UserId: userId, SubCode: 660800034 });
    else friend.FriendAlias = String(item['FriendAlias'] ?? '');
  }
  return ok({ ErrorList: errors });
};

/** UpdateFriendAttributes: Action 0 sets the keys, 1 deletes them; a duplicate Key is 660800032. */
const UpdateFriendAttributes: Handler = ({ params, state }) => {
  const from = str(params, 'FromUserId');
  const friend = state.friends.get(from)?.get(str(params, 'UserId'));
  if (friend === undefined) return refuse(660800034);
  const attributes = attributesOf(params);
  if (typeof attributes === 'number') return refuse(attributes);
  const next = { ...friend.Attributes };
  for (const [key, value] of Object.entries(attributes)) {
    if (num(params, 'Action', 0) === 1) delete next[key];
    else next[key] = value;
  }
  friend.Attributes = next;
  return ok({ FailKey: [] });
};

/** QueryFriendList: `Limit` (0 means 100) friends from page `Next`. */
const QueryFriendList: Handler = ({ params, state }) => {
  const friends = state.friendsOf(str(params, 'FromUserId'));
  const p = page(friends, params, { max: 100 });
  if (isResult(p)) return p;
  const { slice, next } = p;
  return ok({
    TotalCount: friends.length,
    Next: next,
    FriendInfos: slice.map((f) => {
      const user = state.users.get(f.UserId);
      return {
        UserId: f.UserId,
        UserName: user?.UserName ?? '',
        Avatar: user?.UserAvatar ?? '',
        Wording: f.Wording,
        FriendAlias: f.FriendAlias,
        CreateTime: Math.floor(f.CreateTime / 1000),
        Attributes: Object.entries(f.Attributes).map(([Key, Value]) => ({ Key, Value })),
      };
    }),
  });
};

/** The friends domain. */
export const friendHandlers: Readonly<Record<string, Handler>> = {
  AddFriends,
  SendFriendApplication,
  DeleteFriends,
  DeleteAllFriends,
  CheckFriendsRelation,
  UpdateFriendsAlias,
  UpdateFriendAttributes,
  QueryFriendList,
};
