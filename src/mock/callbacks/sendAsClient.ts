import { runHandler } from '../handlers/runHandler.js';
import type { MockRuntime } from '../MockRuntime.js';
import type { MockClientMessage, MockClientSendResult } from './MockClientMessage.js';
import { msgBodyOf, payloadOf } from './messageFields.js';
import { validateClientMessage } from './validateClientMessage.js';

const ACTIONS = { 0: 'SendPeerMessage', 1: 'SendRoomMessage', 2: 'SendGroupMessage' } as const;

/**
 * What a user's client SDK send does on ZEGO's side: `before_send_msg` first (with
 * `callbackBeforeSend`), its verdict applied (3, an error or no answer: not sent), then the
 * message recorded and `send_msg` sent with the conversation's id, or with the refusal's code
 * as `send_result` when the send fails.
 */
export async function sendAsClient(rt: MockRuntime, input: MockClientMessage): Promise<MockClientSendResult> {
  const m = validateClientMessage(input);
  const sender = rt.callbacks;
  const nowMs = () => rt.options.now() + rt.clockOffsetMs;
  let verdict: MockClientSendResult['verdict'];
  let reason: string | undefined;
  if (sender !== undefined && rt.options.callbackBeforeSend) {
    const answer = await sender.askBeforeSend({
      request_id: `mock-before-${++rt.requestCount}`,
      from_user_id: m.FromUserId,
      conv_id: m.ConvId,
      conv_type: m.ConvType,
      msg_id: '',
      payload: payloadOf(m.MessageBody),
      msg_type: m.MessageType ?? 1,
      sub_msg_type: m.SubMsgType ?? 0,
      msg_body: msgBodyOf(m.MessageBody),
      msg_time: nowMs(),
    });
    verdict = answer.result;
    reason = answer.reason;
    if (answer.result === undefined || answer.result === 3)
      return {
        sent: false,
        verdict,
        ...(reason !== undefined && { reason }),
        ...(answer.failure !== undefined && { failure: answer.failure }),
        code: 0,
      };
  }
  const target =
    m.ConvType === 0
      ? { ToUserId: [m.ConvId] }
      : m.ConvType === 1
        ? { RoomId: m.ConvId }
        : { GroupId: m.ConvId };
  const params = {
    FromUserId: m.FromUserId,
    ...target,
    MessageType: m.MessageType ?? 1,
    SubMsgType: m.SubMsgType ?? 0,
    MessageBody: m.MessageBody,
  };
  let emitted: Record<string, unknown> | undefined;
  const result = runHandler(ACTIONS[m.ConvType], {
    params,
    state: rt.state,
    serverNowMs: nowMs(),
    codes: rt.checks.get(ACTIONS[m.ConvType])?.codes ?? new Set(),
    emit: (_event, fields) => {
      emitted = { ...fields };
    },
  });
  const perItem = (result.fields?.['ErrorList'] as { SubCode: number }[] | undefined)?.[0]?.SubCode;
  const code = result.code !== 0 ? result.code : (perItem ?? 0);
  let msgId: string | undefined;
  let msgSeq: number | undefined;
  if (emitted !== undefined && m.ConvType === 0) {
    // A client's one-to-one send names its conversation and its message (no user_list).
    const [first] = (emitted['user_list'] as { msg_id: string; msg_seq: number }[] | undefined) ?? [];
    delete emitted['user_list'];
    emitted['conv_id'] = m.ConvId;
    emitted['msg_id'] = first?.msg_id ?? '';
    emitted['msg_seq'] = first?.msg_seq ?? 0;
  }
  if (emitted !== undefined) {
    msgId = String(emitted['msg_id']);
    msgSeq = Number(emitted['msg_seq']);
  }
  const fields = emitted ?? {
    from_user_id: m.FromUserId,
    conv_type: m.ConvType,
    conv_id: m.ConvId,
    msg_type: m.MessageType ?? 1,
    sub_msg_type: m.SubMsgType ?? 0,
    msg_body: msgBodyOf(m.MessageBody),
    msg_id: '',
    msg_seq: 0,
    payload: payloadOf(m.MessageBody),
    msg_time: nowMs(),
    send_result: code,
  };
  sender?.emit('send_msg', fields);
  return {
    sent: code === 0,
    verdict,
    ...(reason !== undefined && { reason }),
    code,
    ...(code === 0 &&
      msgId !== undefined &&
      msgSeq !== undefined &&
      m.ConvType !== 1 && { MsgId: msgId, MsgSeq: msgSeq }),
  };
}
