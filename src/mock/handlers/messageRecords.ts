import type { MockMessage } from '../MockRecords.js';
import type { HandlerResult } from './Handler.js';
import { byteLength, num } from './params.js';
import { refuse } from './results.js';

type Mut<T> = { -readonly [K in keyof T]: T[K] };

/** ZIM's limit on one message body, in bytes of its JSON. */
const MAX_BODY_BYTES = 32 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The refusal a message body earns, if any: over 32 KB (660400001), or `IsBase64: 1` with a
 * `Message` that is not base64 (660000025).
 */
export function checkMessageBody(body: unknown): HandlerResult | undefined {
  if (byteLength(JSON.stringify(body) ?? '') > MAX_BODY_BYTES) return refuse(660400001);
  if (typeof body === 'object' && body !== null && (body as Record<string, unknown>)['IsBase64'] === 1) {
    const message = (body as Record<string, unknown>)['Message'];
    if (typeof message !== 'string' || message.length % 4 !== 0 || !BASE64.test(message))
      return refuse(660000025);
  }
  return undefined;
}

/** A new message of a conversation whose last MsgSeq is `lastSeq`. */
export function newMessage(
  msgId: number,
  lastSeq: number,
  sender: string,
  params: Readonly<Record<string, unknown>>,
  sentAt: number,
  imported = false,
): Mut<MockMessage> {
  return {
    MsgId: msgId,
    MsgSeq: lastSeq + 1,
    Sender: sender,
    MessageType: num(params, 'MessageType', 1),
    SubMsgType: num(params, 'SubMsgType', 0),
    MessageBody: params['MessageBody'],
    Priority: params['Priority'] === undefined ? undefined : num(params, 'Priority', 1),
    SentAt: sentAt,
    Imported: imported,
    Revoked: false,
    EditCount: 0,
    ReadBy: [],
    DeliveredTo: [],
  };
}

/** The time of an imported message: `SendMessageTime` in ms (or seconds), else now. */
export function importTime(params: Readonly<Record<string, unknown>>, now: number): number {
  const t = num(params, 'SendMessageTime', 0);
  return t <= 0 ? now : t < 1e12 ? t * 1000 : t;
}

/** The text of a message body: its `Message` when it has one, else the body as a string. */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { Message?: unknown }).Message === 'string'
  )
    return (body as { Message: string }).Message;
  return JSON.stringify(body) ?? '';
}

/** The body as an object (QueryMessagesByMsgSeq documents an object): as sent, or `{ Message }`. */
function bodyObject(body: unknown): object {
  return typeof body === 'object' && body !== null ? body : { Message: bodyText(body) };
}

/**
 * A message as the query actions answer it (a revoked one is empty). `MsgBody` is the text
 * (QueryPeerMsg, QueryGroupMsg), or with `asObject` the body object (QueryMessagesByMsgSeq).
 */
export function messageItem(m: MockMessage, asObject = false) {
  return {
    Sender: m.Sender,
    MsgType: m.MessageType,
    SubMsgType: m.SubMsgType,
    MsgBody: asObject
      ? m.Revoked
        ? {}
        : bodyObject(m.MessageBody)
      : m.Revoked
        ? ''
        : bodyText(m.MessageBody),
    MsgId: m.MsgId,
    MsgSeq: m.MsgSeq,
    Payload: '',
    MsgTime: m.SentAt,
    IsEmpty: m.Revoked ? 1 : 0,
  };
}

/**
 * Revokes message `MsgSeq` of `messages` for `from`: 660000022 when there is none,
 * 660000023 when it was revoked already, 660000026 when `from` did not send it.
 */
export function revoke(
  messages: Mut<MockMessage>[],
  params: Readonly<Record<string, unknown>>,
  from: string,
) {
  const message = messages.find((m) => m.MsgSeq === num(params, 'MsgSeq', -1));
  if (message === undefined) return refuse(660000022);
  if (message.Revoked) return refuse(660000023);
  if (message.Sender !== from) return refuse(660000026);
  message.Revoked = true;
  return undefined;
}

/** Marks `seqs` of `messages` read (or delivered) by `userId`; false when one of them does not exist. */
export function receipt(
  messages: Mut<MockMessage>[],
  seqs: readonly number[],
  userId: string,
  field: 'ReadBy' | 'DeliveredTo',
): boolean {
  const found = seqs.map((seq) => messages.find((m) => m.MsgSeq === seq));
  if (found.some((m) => m === undefined)) return false;
  for (const m of found) if (m !== undefined && !m[field].includes(userId)) m[field] = [...m[field], userId];
  return true;
}
