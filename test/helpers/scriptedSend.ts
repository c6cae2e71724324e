import type { SendAttempt } from '../../src/core/Call.js';
import type { RawResponse } from '../../src/core/RawResponse.js';

/** One scripted answer: a ZIM code, an HTTP status, or a transport error. */
export type Script = number | { http: number; body?: string; headers?: Record<string, string> } | Error;

export function answer(code: number, headers: Record<string, string> = {}): RawResponse {
  return {
    status: 200,
    header: (name) => headers[name],
    text: JSON.stringify({ Code: code, Message: code === 0 ? 'success' : 'failed', RequestId: `r-${code}` }),
    truncated: false,
  };
}

/** A door's send that answers from a script, one entry per attempt (then Code 0), and records what it was given. */
export function scriptedSend(script: Script[]) {
  const seen: { signed: Parameters<SendAttempt>[0]; at: number }[] = [];
  const send: SendAttempt = async (signed) => {
    seen.push({ signed, at: Date.now() });
    const next = script.shift() ?? 0;
    if (next instanceof Error) throw next;
    if (typeof next === 'number') return answer(next);
    const headers = next.headers ?? {};
    return { status: next.http, header: (n) => headers[n], text: next.body ?? '', truncated: false };
  };
  return { send, seen };
}

export function transportError(code: string): Error {
  return Object.assign(new Error(`socket: ${code}`), { code });
}
