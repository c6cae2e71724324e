import { msgBodyOf, payloadOf } from '../callbacks/messageFields.js';
import type { Handler, HandlerContext } from './Handler.js';
import { checkMessageBody, importTime, messageItem, newMessage, receipt, revoke } from './messageRecords.js';
import { page } from './paging.js';
import { list, num, numbers, str } from './params.js';
import { isResult, ok, refuse } from './results.js';

/** The last MsgSeq of a conversation. */
const lastSeq = (messages: readonly { MsgSeq: number }[]) => messages.at(-1)?.MsgSeq ?? 0;

/**
 * SendPeerMessage: FromUserId must be registered (660500002). Each receiver gets the message in
 * their one-to-one conversation with its own MsgSeq (SuccList); oneself (660000002) and
 * unregistered receivers (660700015) go to ErrorList. One `state.messages` record per call.
 */
const SendPeerMessage: Handler = ({ params, state, serverNowMs, emit }) => {
  const from = str(params, 'FromUserId');
  if (!state.users.has(from)) return refuse(660500002, `FromUserId ${from} is not registered`);
  const refused = checkMessageBody(params['MessageBody']);
  if (refused !== undefined) return refused;
  const msgId = state.newMsgId();
  const succ: { UserId: string; MsgId: string; MsgSeq: number }[] = [];
  const errors: { UserId: string; SubCode: number }[] = [];
  for (const to of new Set(list(params, 'ToUserId'))) {
    if (to === from) errors.push({ UserId: to, SubCode: 660000002 });
    else if (!state.users.has(to)) errors.push({ UserId: to, SubCode: 660700015 });
    else {
      const conv = state.peerConversationOf(from, to);
      const message = newMessage(msgId, lastSeq(conv), from, params, serverNowMs);
      conv.push(message);
      state.touchConversation(from, 0, to, serverNowMs, false);
      state.touchConversation(to, 0, from, serverNowMs, true);
      succ.push({ UserId: to, MsgId: String(msgId), MsgSeq: message.MsgSeq });
    }
  }
  if (succ.length > 0 && emit !== undefined)
    // Sent through the server API: conv_id and msg_id are empty, the receivers are in user_list.
    emit('send_msg', {
      from_user_id: from,
      conv_type: 0,
      conv_id: '',
      msg_type: num(params, 'MessageType', 1),
      sub_msg_type: num(params, 'SubMsgType', 0),
      msg_body: msgBodyOf(params['MessageBody']),
      msg_id: '',
      msg_seq: 0,
      payload: payloadOf(params['MessageBody']),
      msg_time: serverNowMs,
      send_result: 0,
      user_list: succ.map((s) => ({ user_id: s.UserId, msg_id: s.MsgId, msg_seq: s.MsgSeq })),
    });
  if (succ.length > 0)
    state.messages.push({
      MsgId: msgId,
      FromUserId: from,
      ToUserId: succ.map((s) => s.UserId),
      MessageType: num(params, 'MessageType', 1),
      MessageBody: params['MessageBody'],
      SentAt: serverNowMs,
    });
  return ok({ ErrorList: errors, SuccList: succ, AuditInfos: [] });
};

/** ImportPeerMsg: a message into the conversation of FromUserId and ToUserId, at `SendMessageTime`. */
const ImportPeerMsg: Handler = ({ params, state, serverNowMs }) => {
  const refused = checkMessageBody(params['MessageBody']);
  if (refused !== undefined) return refused;
  const from = str(params, 'FromUserId');
  const to = str(params, 'ToUserId');
  const conv = state.peerConversationOf(from, to);
  const sentAt = importTime(params, serverNowMs);
  const message = newMessage(state.newMsgId(), lastSeq(conv), from, params, sentAt, true);
  conv.push(message);
  state.messages.push({
    MsgId: message.MsgId,
    FromUserId: from,
    ToUserId: [to],
    MessageType: message.MessageType,
    MessageBody: message.MessageBody,
    SentAt: sentAt,
  });
  return ok({ MsgId: String(message.MsgId), MsgSeq: message.MsgSeq });
};

/** QueryPeerMsg: the conversation in MsgSeq order, `Limit` (default 100) from page `Next`. */
const QueryPeerMsg: Handler = ({ params, state }) => {
  const all = state.peerConversation(str(params, 'FromUserId'), str(params, 'ToUserId'));
  const shown = num(params, 'WithEmptyMsg', 0) === 1 ? all : all.filter((m) => !m.Revoked);
  const p = page(shown, params, { max: 100, fallback: 10 });
  if (isResult(p)) return p;
  const { slice, next } = p;
  return ok({ Next: next, List: slice.map((m) => messageItem(m)) });
};

/** RevokePeerMessage: message `MsgSeq` of the conversation, sent by FromUserId. */
const RevokePeerMessage: Handler = ({ params, state }) => {
  const from = str(params, 'FromUserId');
  return revoke(state.peerConversationOf(from, str(params, 'ToUserId')), params, from) ?? ok();
};

/** EditC2cMsgBody: message `ConvMsgSeq` of FromUserId's conversation with ConvId, sent by SenderId. */
const EditC2cMsgBody: Handler = ({ params, state, serverNowMs }) => {
  const conv = state.peerConversationOf(str(params, 'FromUserId'), str(params, 'ConvId'));
  const message = conv.find((m) => m.MsgSeq === num(params, 'ConvMsgSeq', -1));
  if (message === undefined || message.Revoked || message.Sender !== str(params, 'SenderId'))
    return refuse(661000005);
  if (params['MessageBody'] !== undefined) message.MessageBody = params['MessageBody'];
  message.EditCount++;
  return ok({ StateMsgSeq: message.MsgSeq, EditMsgSeq: message.EditCount, LatestEditTime: serverNowMs });
};

/** C2cReadReceipt / C2cDeliveryReceipt: up to 10 MsgSeqs (660400102); a missing one is 660400104. */
function c2cReceipt(field: 'ReadBy' | 'DeliveredTo', timeField: string): Handler {
  return ({ params, state, serverNowMs }) => {
    const seqs = numbers(params, 'ConvMsgSeq');
    if (seqs.length > 10) return refuse(660400102);
    const from = str(params, 'FromUserId');
    if (!receipt(state.peerConversationOf(from, str(params, 'ConvId')), seqs, from, field))
      return refuse(660400104);
    return ok({ [timeField]: serverNowMs });
  };
}

/** ClearPeerMessage: FromUserId's conversation with ToUserId is emptied (for both, in the mock). */
const ClearPeerMessage: Handler = ({ params, state }) => {
  state.peerConversationOf(str(params, 'FromUserId'), str(params, 'ToUserId')).length = 0;
  return ok();
};

/** SendMessageToAllUsers: recorded in `state.broadcasts` (the limits give 660500003). */
const SendMessageToAllUsers: Handler = ({ params, state, serverNowMs }: HandlerContext) => {
  const refused = checkMessageBody(params['MessageBody']);
  if (refused !== undefined) return refused;
  state.broadcasts.push({
    FromUserId: str(params, 'FromUserId'),
    MessageType: num(params, 'MessageType', 1),
    MessageBody: params['MessageBody'],
    SentAt: serverNowMs,
  });
  return ok();
};

/** The one-to-one messages domain. */
export const peerMessageHandlers: Readonly<Record<string, Handler>> = {
  SendPeerMessage,
  ImportPeerMsg,
  QueryPeerMsg,
  RevokePeerMessage,
  EditC2cMsgBody,
  C2cReadReceipt: c2cReceipt('ReadBy', 'ReadTime'),
  C2cDeliveryReceipt: c2cReceipt('DeliveredTo', 'DeliveredTime'),
  ClearPeerMessage,
  SendMessageToAllUsers,
};
