import { describeValue } from '../../core/describeValue.js';
import type { MockClientMessage } from './MockClientMessage.js';

const fail = (name: string, expected: string, value: unknown): never => {
  throw new TypeError(`expected message.${name} to be ${expected}, got ${describeValue(value)}`);
};

/** Checks a `sendAsClient` message; a wrong field is a TypeError that names it. */
export function validateClientMessage(m: unknown): MockClientMessage {
  if (typeof m !== 'object' || m === null)
    throw new TypeError(`expected message to be an object, got ${describeValue(m)}`);
  const r = m as Record<string, unknown>;
  if (typeof r['FromUserId'] !== 'string' || r['FromUserId'] === '')
    fail('FromUserId', 'a UserId', r['FromUserId']);
  if (r['ConvType'] !== 0 && r['ConvType'] !== 1 && r['ConvType'] !== 2)
    fail('ConvType', '0, 1 or 2', r['ConvType']);
  if (typeof r['ConvId'] !== 'string' || r['ConvId'] === '')
    fail('ConvId', 'a non-empty string', r['ConvId']);
  for (const key of ['MessageType', 'SubMsgType'])
    if (r[key] !== undefined && !Number.isSafeInteger(r[key])) fail(key, 'an integer', r[key]);
  const body = r['MessageBody'];
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    fail('MessageBody', 'an object', body);
  return m as MockClientMessage;
}
