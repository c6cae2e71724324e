import { describeValue } from '../core/describeValue.js';

/**
 * A scripted reply. With `code`, `http` or `body` it replaces the normal answer (after
 * `delayMs`); with none of them the call is handled normally and `delayMs` / `headers` are
 * added to its answer.
 *
 * @public
 */
export interface MockScriptedReply {
  /** Answer JSON `{ Code, Message, RequestId }` with this code. */
  readonly code?: number;
  /** The `Message` of that answer. @default the code's documented meaning */
  readonly message?: string;
  /** The HTTP status. Without `code` or `body` the body is an HTML error page, as a proxy sends. @default 200 */
  readonly http?: number;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The exact body: a string as is, an object as JSON. */
  readonly body?: string | Readonly<Record<string, unknown>>;
  /** Wait this long before answering, in milliseconds. @default 0 */
  readonly delayMs?: number;
  /**
   * Per-item failures inside a Code 0 answer of a batch action: item key (`UserId`, or the item
   * itself for a list of ids) → SubCode. The call is handled normally without those items
   * (nothing is committed for them), and they are added to its per-item failure list
   * (`ErrorList`, `ErrList`, `ErrorUsers`, ...) with that SubCode, e.g.
   * `{ itemFailures: { u3: 660000006, u7: 660700002 } }` (one busy, one already registered).
   */
  readonly itemFailures?: Readonly<Record<string, number>>;
}

/**
 * One scripted answer, consumed by one arrival of its action before any check:
 * `'reset'` destroys the socket without doing anything, `'resetAfterCommit'` handles the call
 * normally (checks, limits, the action itself) and then destroys the socket unanswered,
 * `'pass'` handles it normally, and an object is a `MockScriptedReply`.
 *
 * @public
 */
export type MockScriptedAnswer = 'reset' | 'resetAfterCommit' | 'pass' | MockScriptedReply;

const REPLY_KEYS = new Set(['code', 'message', 'http', 'headers', 'body', 'delayMs', 'itemFailures']);

/** Whether a scripted reply replaces the normal answer. */
export function replacesAnswer(reply: MockScriptedReply): boolean {
  return reply.code !== undefined || reply.http !== undefined || reply.body !== undefined;
}

/** Checks one scripted answer; a wrong one is a TypeError that names it. */
export function validateScriptedAnswer(answer: unknown, name: string): MockScriptedAnswer {
  if (answer === 'reset' || answer === 'resetAfterCommit' || answer === 'pass') return answer;
  const fail = (what: string, expected: string, value: unknown): never => {
    throw new TypeError(`expected ${name}${what} to be ${expected}, got ${describeValue(value)}`);
  };
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    return fail('', "'reset', 'resetAfterCommit', 'pass' or an object", answer);
  }
  const reply = answer as Record<string, unknown>;
  for (const key of Object.keys(reply)) if (!REPLY_KEYS.has(key)) fail(`.${key}`, 'a known field', key);
  if (reply['code'] !== undefined && !Number.isSafeInteger(reply['code']))
    fail('.code', 'an integer', reply['code']);
  if (reply['message'] !== undefined && typeof reply['message'] !== 'string')
    fail('.message', 'a string', reply['message']);
  const http = reply['http'];
  if (http !== undefined && !(Number.isInteger(http) && (http as number) >= 200 && (http as number) <= 599)) {
    fail('.http', 'an HTTP status from 200 to 599', http);
  }
  const headers = reply['headers'];
  if (
    headers !== undefined &&
    (typeof headers !== 'object' ||
      headers === null ||
      !Object.values(headers).every((v) => typeof v === 'string'))
  ) {
    fail('.headers', 'an object of strings', headers);
  }
  const body = reply['body'];
  if (body !== undefined && typeof body !== 'string' && (typeof body !== 'object' || body === null)) {
    fail('.body', 'a string or an object', body);
  }
  const itemFailures = reply['itemFailures'];
  if (
    itemFailures !== undefined &&
    (typeof itemFailures !== 'object' ||
      itemFailures === null ||
      Array.isArray(itemFailures) ||
      !Object.values(itemFailures).every((v) => Number.isSafeInteger(v) && v !== 0))
  ) {
    fail('.itemFailures', 'an object of non-zero SubCodes by item key', itemFailures);
  }
  if (itemFailures !== undefined && replacesAnswer(reply as MockScriptedReply))
    fail('.itemFailures', 'alone (not with code, http or body)', itemFailures);
  const delay = reply['delayMs'];
  if (delay !== undefined && !(typeof delay === 'number' && Number.isFinite(delay) && delay >= 0)) {
    fail('.delayMs', 'a non-negative finite number', delay);
  }
  return reply as MockScriptedReply;
}
