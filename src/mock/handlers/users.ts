import { MOCK_CODES } from '../mockCodes.js';
import type { ErrorItem, Handler, HandlerContext } from './Handler.js';
import { byteLength, list, objects } from './params.js';
import { errorItem, ok } from './results.js';

/** UserRegister / RobotRegister: registers the items; byte limits and existing users go to ErrorList. */
function register(ctx: HandlerContext, isRobot: boolean) {
  const errors: ErrorItem[] = [];
  for (const item of objects(ctx.params, 'UserInfo')) {
    const userId = String(item['UserId'] ?? '');
    const userName = typeof item['UserName'] === 'string' ? item['UserName'] : '';
    const avatar = typeof item['UserAvatar'] === 'string' ? item['UserAvatar'] : '';
    let subCode: number | undefined;
    if (byteLength(userId) > 32) subCode = MOCK_CODES.userIdTooLong;
    else if (byteLength(userName) > 256) subCode = 660700006;
    else if (byteLength(avatar) > 500) subCode = MOCK_CODES.userAvatarTooLong;
    else if (ctx.state.users.has(userId)) subCode = 660700002;
    if (subCode !== undefined) {
      errors.push(errorItem(userId, subCode));
      continue;
    }
    ctx.state.users.set(userId, {
      UserId: userId,
      UserName: userName,
      UserAvatar: avatar,
      Extra: '',
      IsRobot: isRobot,
      Online: false,
      RegisteredAt: ctx.serverNowMs,
    });
  }
  return ok({ ErrorList: errors });
}

const UserRegister: Handler = (ctx) => register(ctx, false);
const RobotRegister: Handler = (ctx) => register(ctx, true);

/** ModifyUserInfo: changes the given fields; unknown users go to ErrorList (660700012). */
const ModifyUserInfo: Handler = ({ params, state }) => {
  const errors: ErrorItem[] = [];
  for (const item of objects(params, 'UserInfo')) {
    const userId = String(item['UserId'] ?? '');
    const user = state.users.get(userId);
    if (user === undefined) {
      errors.push(errorItem(userId, 660700012));
      continue;
    }
    if (typeof item['UserName'] === 'string') user.UserName = item['UserName'];
    if (typeof item['UserAvatar'] === 'string') user.UserAvatar = item['UserAvatar'];
    if (typeof item['Extra'] === 'string') user.Extra = item['Extra'];
  }
  return ok({ ErrorList: errors });
};

/** QueryUserInfos: the registered users; the others go to ErrorList (660700015, not registered). */
const QueryUserInfos: Handler = ({ params, state }) => {
  const result: { UserId: string; UserName: string; UserAvatar: string; Extra: string }[] = [];
  const errors: { UserId: string; SubCode: number }[] = [];
  for (const userId of list(params, 'UserIds')) {
    const user = state.users.get(userId);
    if (user === undefined) errors.push({ UserId: userId, SubCode: 660700015 });
    else
      result.push({
        UserId: userId,
        UserName: user.UserName,
        UserAvatar: user.UserAvatar,
        Extra: user.Extra,
      });
  }
  return ok({ Result: result, ErrorList: errors });
};

/** QueryUserOnlineState: Online / Offline (`server.setUserOnline`); unknown users: ErrorList 660200001. */
const QueryUserOnlineState: Handler = ({ params, state }) => {
  const result: { UserId: string; Status: 'Online' | 'Offline' }[] = [];
  const errors: { UserId: string; SubCode: number }[] = [];
  for (const userId of list(params, 'UserId')) {
    const user = state.users.get(userId);
    if (user === undefined) errors.push({ UserId: userId, SubCode: 660200001 });
    else result.push({ UserId: userId, Status: user.Online ? 'Online' : 'Offline' });
  }
  return ok({ Result: result, ErrorList: errors });
};

/** CgiDescribeZIMAudioLicense: a fixed licence for the app. */
const CgiDescribeZIMAudioLicense: Handler = () => ok({ Data: { License: 'mock-zim-audio-license' } });

/** The users domain. */
export const userHandlers: Readonly<Record<string, Handler>> = {
  UserRegister,
  RobotRegister,
  ModifyUserInfo,
  QueryUserInfos,
  QueryUserOnlineState,
  CgiDescribeZIMAudioLicense,
};
