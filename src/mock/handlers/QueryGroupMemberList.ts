import { MOCK_CODES } from '../mockCodes.js';
import type { Handler } from './Handler.js';
import { page } from './paging.js';
import { readString } from './params.js';

/** QueryGroupMemberList: `GroupId`, paged by `Limit` (or `Count`, up to 1000) and `Next`. */
export const QueryGroupMemberList: Handler = ({ params, state }) => {
  const groupId = readString(params, 'GroupId');
  const group = groupId === undefined ? undefined : state.groups.get(groupId);
  if (group === undefined) return { code: MOCK_CODES.groupNotFound };
  const { slice, next } = page(group.MemberIds, params, 1000);
  return {
    code: MOCK_CODES.success,
    fields: {
      TotalCount: group.MemberIds.length,
      Next: next,
      MemberList: slice.map((userId) => ({
        UserId: userId,
        UserName: state.users.get(userId)?.UserName ?? '',
      })),
    },
  };
};
