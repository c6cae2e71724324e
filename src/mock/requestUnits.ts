import type { MockActionSpec } from './resolveActionSpecs.js';

/** Parameter names that carry the messages asked for, documented one first. */
const MESSAGE_LIST_PARAMS = ['MsgSeqList', 'MsgSeqs', 'MsgSeq'] as const;

/**
 * What one call costs against its action's window: 1, or for a `message`-unit action
 * (QueryMessagesByMsgSeq) the number of messages it asks for, at least 1.
 */
export function requestUnits(spec: MockActionSpec, params: Readonly<Record<string, unknown>>): number {
  if (spec.unit !== 'message') return 1;
  for (const name of MESSAGE_LIST_PARAMS) {
    const value = params[name];
    if (Array.isArray(value)) return Math.max(1, value.length);
    if (value !== undefined) return 1;
  }
  return 1;
}
