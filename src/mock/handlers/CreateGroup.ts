import { MOCK_CODES } from '../mockCodes.js';
import type { Handler } from './Handler.js';
import { readString, readStringList } from './params.js';

/**
 * CreateGroup: `FromUserId` (the owner), `GroupId` (optional: the server picks one),
 * `GroupName`, `UserIds` (up to 100 members). Answers the `GroupId`; an id that exists is
 * 660600011.
 */
export const CreateGroup: Handler = ({ params, state, serverNowMs }) => {
  const ownerId = readString(params, 'FromUserId');
  if (ownerId === undefined || ownerId === '')
    return { code: MOCK_CODES.invalidParameter, message: 'FromUserId is missing' };
  const userIds = readStringList(params, 'UserIds') ?? [];
  if (userIds.length > 100) return { code: MOCK_CODES.tooManyGroupMembers };
  const requested = readString(params, 'GroupId');
  if (requested !== undefined && requested !== '' && state.groups.has(requested))
    return { code: MOCK_CODES.groupExists };
  const groupId = requested === undefined || requested === '' ? state.newGroupId() : requested;
  state.putGroup({
    GroupId: groupId,
    GroupName: readString(params, 'GroupName') ?? '',
    OwnerId: ownerId,
    MemberIds: [...new Set([ownerId, ...userIds])],
    CreatedAt: serverNowMs,
  });
  return { code: MOCK_CODES.success, fields: { GroupId: groupId } };
};
