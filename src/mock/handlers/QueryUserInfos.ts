import { MOCK_CODES, messageFor } from '../mockCodes.js';
import type { ErrorItem, Handler } from './Handler.js';
import { readStringList } from './params.js';

/**
 * QueryUserInfos: `UserIds` → `Result: [{ UserId, UserName, UserAvatar }]`; users that are
 * not registered go to `ErrorList` with SubCode 51102.
 */
export const QueryUserInfos: Handler = ({ params, state }) => {
  const userIds = readStringList(params, 'UserIds');
  if (userIds === undefined || userIds.length === 0)
    return { code: MOCK_CODES.invalidParameter, message: 'UserIds is missing' };
  if (userIds.length > 100) return { code: MOCK_CODES.tooManyUsers };
  const result: { UserId: string; UserName: string; UserAvatar: string }[] = [];
  const errors: ErrorItem[] = [];
  for (const userId of userIds) {
    const user = state.users.get(userId);
    if (user === undefined) {
      errors.push({
        UserId: userId,
        SubCode: MOCK_CODES.userNotFound,
        SubMessage: messageFor(MOCK_CODES.userNotFound),
      });
    } else result.push({ UserId: user.UserId, UserName: user.UserName, UserAvatar: user.UserAvatar });
  }
  return { code: MOCK_CODES.success, fields: { Result: result, ErrorList: errors } };
};
