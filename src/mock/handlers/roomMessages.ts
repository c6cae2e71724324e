import { msgBodyOf, payloadOf } from '../callbacks/messageFields.js';
import { findRoom } from './findRoom.js';
import type { Handler } from './Handler.js';
import { checkMessageBody, newMessage, revoke } from './messageRecords.js';
import { str } from './params.js';
import { isResult, ok, refuse } from './results.js';

/** SendRoomMessage: the room must exist (660300001); rooms have no receipts (660300013). */
const SendRoomMessage: Handler = (ctx) => {
  const room = findRoom(ctx);
  if (isResult(room)) return room;
  const body = ctx.params['MessageBody'];
  if (ctx.params['HasReceipt'] || (typeof body === 'object' && body !== null && 'HasReceipt' in body))
    return refuse(660300013);
  const refused = checkMessageBody(body);
  if (refused !== undefined) return refused;
  const from = str(ctx.params, 'FromUserId');
  const message = newMessage(
    ctx.state.newMsgId(),
    room.Messages.at(-1)?.MsgSeq ?? 0,
    from,
    ctx.params,
    ctx.serverNowMs,
  );
  room.Messages.push(message);
  ctx.emit?.('send_msg', {
    from_user_id: from,
    conv_type: 1,
    conv_id: room.RoomId,
    msg_type: message.MessageType,
    sub_msg_type: message.SubMsgType,
    msg_body: msgBodyOf(message.MessageBody),
    msg_id: String(message.MsgId),
    msg_seq: message.MsgSeq,
    payload: payloadOf(message.MessageBody),
    msg_time: ctx.serverNowMs,
    send_result: 0,
  });
  return ok({ AuditInfos: [] });
};

/** RevokeRoomMessage: FromUserId must be in the room (660300002) and have sent message `MsgSeq`. */
const RevokeRoomMessage: Handler = (ctx) => {
  const room = findRoom(ctx);
  if (isResult(room)) return room;
  const from = str(ctx.params, 'FromUserId');
  if (!room.Members.has(from)) return refuse(660300002);
  return revoke(room.Messages, ctx.params, from) ?? ok();
};

/** The room messages domain. */
export const roomMessageHandlers: Readonly<Record<string, Handler>> = { SendRoomMessage, RevokeRoomMessage };
