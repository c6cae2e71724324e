import { MOCK_CODES, messageFor } from '../mockCodes.js';
import type { ErrorItem, HandlerResult } from './Handler.js';

/** Code 0 with the action's fields. */
export function ok(fields?: Readonly<Record<string, unknown>>): HandlerResult {
  return fields === undefined ? { code: MOCK_CODES.success } : { code: MOCK_CODES.success, fields };
}

/** A refusal with `code` (and its documented meaning, or `message`). */
export function refuse(code: number, message?: string): HandlerResult {
  return message === undefined ? { code } : { code, message: `${messageFor(code)} (${message})` };
}

/** A per-item failure. */
export function errorItem(userId: string, subCode: number): ErrorItem {
  return { UserId: userId, SubCode: subCode, SubMessage: messageFor(subCode) };
}

/** Whether a value is a handler result (a refusal) rather than the record a lookup wanted. */
export function isResult(value: unknown): value is HandlerResult {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'number';
}
