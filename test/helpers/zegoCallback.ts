import { randomInt } from 'node:crypto';
import { computeCallbackSignature } from '../../src/sign/verifyCallbackSignature.js';

export type BodyForm = 'json' | 'urlencoded-json' | 'form';

export interface SignOptions {
  readonly secret: string;
  /** Unix time of the delivery in ms. @default Date.now() */
  readonly nowMs?: number;
  /** How ZEGO writes the timestamp. @default 's' */
  readonly unit?: 's' | 'ms';
  /** Send the timestamp as a string (as some of ZEGO's samples do). @default false */
  readonly asString?: boolean;
}

/** The fields of one delivery of `event`, signed as ZEGO signs them (a new nonce each time). */
export function signed(event: Record<string, unknown>, o: SignOptions): Record<string, unknown> {
  const now = o.nowMs ?? Date.now();
  const ts = o.unit === 'ms' ? now : Math.floor(now / 1000);
  const timestamp = o.asString ? String(ts) : ts;
  const nonce = String(randomInt(100_000, 999_999));
  return {
    appid: '1',
    nonce,
    timestamp,
    signature: computeCallbackSignature(o.secret, timestamp, nonce),
    ...event,
  };
}

/** A body in one of the three forms ZEGO's pages describe. */
export function encode(
  fields: Record<string, unknown>,
  form: BodyForm,
): { body: string; contentType: string } {
  if (form === 'json') return { body: JSON.stringify(fields), contentType: 'application/json' };
  if (form === 'urlencoded-json')
    return { body: encodeURIComponent(JSON.stringify(fields)), contentType: 'application/json' };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields))
    params.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  return { body: params.toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** POSTs one delivery like ZEGO: the answer's status and JSON body, and how long it took. */
export async function deliver(
  url: string,
  fields: Record<string, unknown>,
  form: BodyForm = 'json',
): Promise<{ status: number; body: unknown; ms: number }> {
  const { body, contentType } = encode(fields, form);
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType } });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: res.status, body: parsed, ms: performance.now() - started };
}

export const sendMsg = (over: Record<string, unknown> = {}) => ({
  event: 'send_msg',
  from_user_id: 'ann',
  conv_type: 0,
  conv_id: 'bob',
  msg_type: 1,
  sub_msg_type: 0,
  msg_body: 'hello',
  msg_id: '7001',
  msg_seq: 1,
  payload: '',
  msg_time: Date.now(),
  send_result: 0,
  ...over,
});

export const beforeSendMsg = (over: Record<string, unknown> = {}) => ({
  event: 'before_send_msg',
  request_id: 'req-1',
  from_user_id: 'ann',
  conv_id: 'bob',
  conv_type: 0,
  msg_id: '8001',
  payload: '',
  msg_type: 1,
  sub_msg_type: 0,
  msg_body: 'hi',
  ...over,
});
