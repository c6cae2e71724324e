import { MOCK_CODES } from '../mockCodes.js';
import type { Handler } from './Handler.js';
import { readCount, readString, readStringList } from './params.js';

/**
 * SendPeerMessage: `FromUserId`, `ToUserId` (up to 100), `MessageType`, `MessageBody`.
 * Records one message per call and answers its `MsgId`.
 */
export const SendPeerMessage: Handler = ({ params, state, serverNowMs }) => {
  const fromUserId = readString(params, 'FromUserId');
  if (fromUserId === undefined || fromUserId === '')
    return { code: MOCK_CODES.invalidParameter, message: 'FromUserId is missing' };
  const toUserIds = readStringList(params, 'ToUserId');
  if (toUserIds === undefined || toUserIds.length === 0)
    return { code: MOCK_CODES.invalidParameter, message: 'ToUserId is missing' };
  if (toUserIds.length > 100) return { code: MOCK_CODES.tooManyUsers };
  const message = state.recordPeerMessage({
    FromUserId: fromUserId,
    ToUserId: toUserIds,
    MessageType: readCount(params, 'MessageType'),
    MessageBody: params['MessageBody'],
    SentAt: serverNowMs,
  });
  return { code: MOCK_CODES.success, fields: { MsgId: message.MsgId, ErrorList: [] } };
};
