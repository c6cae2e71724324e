import { MOCK_CODES, messageFor } from '../mockCodes.js';
import type { ErrorItem, Handler } from './Handler.js';
import { readString, readStringList } from './params.js';

/**
 * KickoutGroupUser: `GroupId`, `UserIds`. Removes the members; users that are not in the
 * group go to `ErrorList` with SubCode 660600008.
 */
export const KickoutGroupUser: Handler = ({ params, state }) => {
  const groupId = readString(params, 'GroupId');
  const group = groupId === undefined ? undefined : state.groups.get(groupId);
  if (group === undefined) return { code: MOCK_CODES.groupNotFound };
  const userIds = readStringList(params, 'UserIds');
  if (userIds === undefined || userIds.length === 0)
    return { code: MOCK_CODES.invalidParameter, message: 'UserIds is missing' };
  const errors: ErrorItem[] = [];
  const removed = new Set<string>();
  for (const userId of userIds) {
    if (group.MemberIds.includes(userId)) removed.add(userId);
    else
      errors.push({
        UserId: userId,
        SubCode: MOCK_CODES.userNotInGroup,
        SubMessage: messageFor(MOCK_CODES.userNotInGroup),
      });
  }
  state.putGroup({ ...group, MemberIds: group.MemberIds.filter((id) => !removed.has(id)) });
  return { code: MOCK_CODES.success, fields: { ErrorList: errors } };
};
