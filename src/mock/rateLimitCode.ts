import type { MockLimitScope } from './MockZimServerOptions.js';
import { MOCK_CODES } from './mockCodes.js';

const BY_ACTION: Readonly<Record<string, number>> = {
  QueryGroupMemberList: MOCK_CODES.queryGroupMemberListRateLimited, // 660600004
  KickoutGroupUser: MOCK_CODES.kickoutGroupUserRateLimited, // 660600005
  QueryAppGroupList: MOCK_CODES.queryAppGroupListRateLimited, // 660600007
  UserRegister: MOCK_CODES.userRegisterRateLimited, // 660700001
  CreateGroup: MOCK_CODES.createGroupRateLimited, // 660600010
  SendMessageToAllUsers: MOCK_CODES.sendToAllRateLimited, // 660500003
};

/**
 * The code ZIM answers when an action goes over its limit: the action's own code where the
 * docs give one, else 660300005 (AppID level) or 660300006 (group or room level).
 */
export function rateLimitCode(action: string, scope: MockLimitScope): number {
  return (
    BY_ACTION[action] ??
    (scope === 'app' ? MOCK_CODES.appLevelRateLimited : MOCK_CODES.groupOrRoomRateLimited)
  );
}
