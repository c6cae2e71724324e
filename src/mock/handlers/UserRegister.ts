import { MOCK_CODES, messageFor } from '../mockCodes.js';
import type { ErrorItem, Handler } from './Handler.js';
import { byteLength, readObjectList } from './params.js';

const MAX_USERS = 100;

/**
 * UserRegister: `UserInfo: [{ UserId, UserName, UserAvatar? }]`. Registers the valid items
 * (registering again is fine: it updates the name and avatar) and answers Code 0 with an
 * `ErrorList` of the invalid ones (UserName over 64 bytes: SubCode 50014).
 */
export const UserRegister: Handler = ({ params, state, serverNowMs }) => {
  const items = readObjectList(params, 'UserInfo');
  if (items === undefined)
    return { code: MOCK_CODES.invalidParameter, message: 'UserInfo must be an array of objects' };
  if (items.length > MAX_USERS) return { code: MOCK_CODES.tooManyUsers };
  const errors: ErrorItem[] = [];
  const fail = (userId: string, subCode: number, detail?: string) =>
    errors.push({ UserId: userId, SubCode: subCode, SubMessage: detail ?? messageFor(subCode) });
  for (const item of items) {
    const { UserId: userId, UserName: userName, UserAvatar: avatar = '' } = item;
    if (typeof userId !== 'string' || userId === '') {
      fail(String(userId ?? ''), MOCK_CODES.invalidParameter, 'UserId is missing');
    } else if (byteLength(userId) > 32) fail(userId, MOCK_CODES.userIdTooLong);
    else if (typeof userName !== 'string' || userName === '') {
      fail(userId, MOCK_CODES.invalidParameter, 'UserName is missing');
    } else if (byteLength(userName) > 64) fail(userId, MOCK_CODES.userNameTooLong);
    else if (typeof avatar !== 'string' || byteLength(avatar) > 500)
      fail(userId, MOCK_CODES.userAvatarTooLong);
    else
      state.registerUser({
        UserId: userId,
        UserName: userName,
        UserAvatar: avatar,
        RegisteredAt: serverNowMs,
      });
  }
  return { code: MOCK_CODES.success, fields: { ErrorList: errors } };
};
