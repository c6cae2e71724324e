import { MOCK_CODES } from '../mockCodes.js';
import type { Handler } from './Handler.js';
import { page } from './paging.js';

/** QueryAppGroupList: every group of the app, paged by `Limit` (or `Count`, up to 10000) and `Next`. */
export const QueryAppGroupList: Handler = ({ params, state }) => {
  const groups = [...state.groups.values()];
  const { slice, next } = page(groups, params, 10000);
  return {
    code: MOCK_CODES.success,
    fields: {
      TotalCount: groups.length,
      Next: next,
      GroupIdList: slice.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName })),
    },
  };
};
