import { MOCK_CODES } from '../mockCodes.js';
import { CreateGroup } from './CreateGroup.js';
import type { Handler, HandlerContext, HandlerResult } from './Handler.js';
import { KickoutGroupUser } from './KickoutGroupUser.js';
import { QueryAppGroupList } from './QueryAppGroupList.js';
import { QueryGroupMemberList } from './QueryGroupMemberList.js';
import { QueryUserInfos } from './QueryUserInfos.js';
import { SendPeerMessage } from './SendPeerMessage.js';
import { UserRegister } from './UserRegister.js';

/** The actions with state; every other accepted action answers Code 0 and changes nothing. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  UserRegister,
  QueryUserInfos,
  CreateGroup,
  QueryGroupMemberList,
  KickoutGroupUser,
  QueryAppGroupList,
  SendPeerMessage,
};

/** Performs `action` and says what to answer. */
export function runHandler(action: string, ctx: HandlerContext): HandlerResult {
  const handler = Object.hasOwn(HANDLERS, action) ? HANDLERS[action] : undefined;
  return handler === undefined ? { code: MOCK_CODES.success } : handler(ctx);
}
