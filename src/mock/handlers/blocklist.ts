import { MockState } from '../MockState.js';
import type { Handler } from './Handler.js';
import { page } from './paging.js';
import { list, str } from './params.js';
import { isResult, ok, refuse } from './results.js';

/** ZIM's default blocklist limit per user. */
const MAX_BLOCKED = 1000;

/** AddUsersToBlacklist: blocks the users; all refused is 660800041. */
const AddUsersToBlacklist: Handler = ({ params, state, serverNowMs }) => {
  const from = str(params, 'FromUserId');
  const blocked = MockState.inner(state.blacklists, from);
  const errors: { UserId: string; SubCode: number }[] = [];
  const ids = list(params, 'UserIds');
  for (const userId of ids) {
    let code: number | undefined;
    if (userId === from) code = 660800038;
    else if (!state.users.has(userId)) code = 660800001;
    else if (blocked.has(userId)) code = 660800037;
    else if (blocked.size >= MAX_BLOCKED) code = 660800040;
    if (code === undefined) blocked.set(userId, serverNowMs);
    else errors.push({ UserId: userId, SubCode: code });
  }
  if (ids.length > 0 && errors.length === ids.length && errors.some((e) => e.SubCode !== 660800037))
    return { ...refuse(660800041), fields: { ErrList: errors } };
  return ok({ ErrList: errors });
};

/** RemoveUsersFromBlacklist: unblocks the users; all refused is 660800042. */
const RemoveUsersFromBlacklist: Handler = ({ params, state }) => {
  const from = str(params, 'FromUserId');
  const blocked = state.blacklists.get(from);
  const errors: { UserId: string; SubCode: number }[] = [];
  const ids = list(params, 'UserIds');
  for (const userId of ids) {
    if (userId === from) errors.push({ UserId: userId, SubCode: 660800038 });
    else if (!blocked?.delete(userId)) errors.push({ UserId: userId, SubCode: 660800044 });
  }
  if (ids.length > 0 && errors.length === ids.length)
    return { ...refuse(660800042), fields: { ErrList: errors } };
  return ok({ ErrList: errors });
};

/** CheckUsersIsInBlacklist: Result 1 when FromUserId blocked the user. */
const CheckUsersIsInBlacklist: Handler = ({ params, state }) => {
  const blocked = state.blacklists.get(str(params, 'FromUserId'));
  const succ: { UserId: string; Result: 0 | 1 }[] = [];
  const errors: { UserId: string; SubCode: number }[] = [];
  for (const userId of list(params, 'UserIds')) {
    if (!state.users.has(userId)) errors.push({ UserId: userId, SubCode: 660800001 });
    else succ.push({ UserId: userId, Result: blocked?.has(userId) ? 1 : 0 });
  }
  return ok({ Succ: succ, ErrList: errors });
};

/** QueryBlacklist: `Limit` (0 means 100) blocked users from page `Next`. */
const QueryBlacklist: Handler = ({ params, state }) => {
  const blocked = [...(state.blacklists.get(str(params, 'FromUserId')) ?? new Map<string, number>())];
  const p = page(blocked, params, { max: 100 });
  if (isResult(p)) return p;
  const { slice, next } = p;
  return ok({
    TotalCount: blocked.length,
    Next: next,
    Blacklist: slice.map(([userId, at]) => ({
      UserId: userId,
      UserName: state.users.get(userId)?.UserName ?? '',
      Avatar: state.users.get(userId)?.UserAvatar ?? '',
      UpdateTime: Math.floor(at / 1000),
    })),
  });
};

/** The blocklist domain. */
export const blocklistHandlers: Readonly<Record<string, Handler>> = {
  AddUsersToBlacklist,
  RemoveUsersFromBlacklist,
  CheckUsersIsInBlacklist,
  QueryBlacklist,
};
