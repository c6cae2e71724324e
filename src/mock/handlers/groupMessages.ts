import { msgBodyOf, payloadOf } from '../callbacks/messageFields.js';
import { findGroup } from './findGroup.js';
import type { Handler } from './Handler.js';
import { checkMessageBody, importTime, messageItem, newMessage, receipt, revoke } from './messageRecords.js';
import { page } from './paging.js';
import { num, numbers, str } from './params.js';
import { isResult, ok, refuse } from './results.js';

/** SendGroupMessage: the group must exist (660600001) and FromUserId be a member (660600024). */
const SendGroupMessage: Handler = (ctx) => {
  const group = findGroup(ctx, true);
  if (isResult(group)) return group;
  const refused = checkMessageBody(ctx.params['MessageBody']);
  if (refused !== undefined) return refused;
  const from = str(ctx.params, 'FromUserId');
  const message = newMessage(
    ctx.state.newMsgId(),
    group.Messages.at(-1)?.MsgSeq ?? 0,
    from,
    ctx.params,
    ctx.serverNowMs,
  );
  group.Messages.push(message);
  for (const member of group.Members.keys())
    ctx.state.touchConversation(member, 2, group.GroupId, ctx.serverNowMs, member !== from);
  ctx.emit?.('send_msg', {
    from_user_id: from,
    conv_type: 2,
    conv_id: group.GroupId,
    msg_type: message.MessageType,
    sub_msg_type: message.SubMsgType,
    msg_body: msgBodyOf(message.MessageBody),
    msg_id: String(message.MsgId),
    msg_seq: message.MsgSeq,
    payload: payloadOf(message.MessageBody),
    msg_time: ctx.serverNowMs,
    send_result: 0,
  });
  return ok({ MsgSeq: message.MsgSeq, MsgId: message.MsgId, AuditInfos: [] });
};

/** ImportGroupMsg: a message into the group's history, at `SendMessageTime`. */
const ImportGroupMsg: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const refused = checkMessageBody(ctx.params['MessageBody']);
  if (refused !== undefined) return refused;
  const at = importTime(ctx.params, ctx.serverNowMs);
  const message = newMessage(
    ctx.state.newMsgId(),
    group.Messages.at(-1)?.MsgSeq ?? 0,
    str(ctx.params, 'FromUserId'),
    ctx.params,
    at,
    true,
  );
  group.Messages.push(message);
  return ok({ MsgSeq: message.MsgSeq });
};

/** QueryGroupMsg: the group's messages in MsgSeq order, `Limit` (default 100) from page `Next`. */
const QueryGroupMsg: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  const shown =
    num(ctx.params, 'WithEmptyMsg', 0) === 1 ? group.Messages : group.Messages.filter((m) => !m.Revoked);
  const p = page(shown, ctx.params, { max: 100, fallback: 10 });
  if (isResult(p)) return p;
  const { slice, next } = p;
  return ok({ Next: next, List: slice.map((m) => messageItem(m)) });
};

/** RevokeGroupMessage: message `MsgSeq` of the group, sent by FromUserId. */
const RevokeGroupMessage: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (isResult(group)) return group;
  return revoke(group.Messages, ctx.params, str(ctx.params, 'FromUserId')) ?? ok();
};

/** EditGroupMsgBody: message `ConvMsgSeq` of group ConvId, sent by SenderId (else 661000005). */
const EditGroupMsgBody: Handler = ({ params, state, serverNowMs }) => {
  const group = state.groups.get(str(params, 'ConvId'));
  const message = group?.Messages.find((m) => m.MsgSeq === num(params, 'ConvMsgSeq', -1));
  if (message === undefined || message.Revoked || message.Sender !== str(params, 'SenderId'))
    return refuse(661000005);
  if (params['MessageBody'] !== undefined) message.MessageBody = params['MessageBody'];
  message.EditCount++;
  return ok({ StateMsgSeq: message.MsgSeq, EditMsgSeq: message.EditCount, LatestEditTime: serverNowMs });
};

/** GroupReadReceipt / GroupDeliveryReceipt: up to 10 MsgSeqs (660400102); a missing one is 660400103. */
function groupReceipt(field: 'ReadBy' | 'DeliveredTo', timeField: string): Handler {
  return (ctx) => {
    const group = findGroup(ctx);
    if (isResult(group)) return group;
    const seqs = numbers(ctx.params, 'ConvMsgSeq');
    if (seqs.length > 10) return refuse(660400102);
    if (!receipt(group.Messages, seqs, str(ctx.params, 'FromUserId'), field)) return refuse(660400103);
    return ok({ [timeField]: ctx.serverNowMs });
  };
}

/** ClearMemberGroupMessage: FromUserId's copy of the history; the mock only checks the group. */
const ClearMemberGroupMessage: Handler = (ctx) => {
  const group = findGroup(ctx);
  return isResult(group) ? group : ok();
};

/** The group messages domain. */
export const groupMessageHandlers: Readonly<Record<string, Handler>> = {
  SendGroupMessage,
  ImportGroupMsg,
  QueryGroupMsg,
  RevokeGroupMessage,
  EditGroupMsgBody,
  GroupReadReceipt: groupReceipt('ReadBy', 'ReadTime'),
  GroupDeliveryReceipt: groupReceipt('DeliveredTo', 'DeliveredTime'),
  ClearMemberGroupMessage,
};
