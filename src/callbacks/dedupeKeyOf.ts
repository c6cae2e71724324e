import { createHash } from 'node:crypto';
import { CALLBACK_SPECS, type CallbackEventName } from '../generated/callbackSpec.js';
import type { CallbackFields } from './parseCallbackBody.js';

/** The fields of one delivery, not of the event: a redelivery may carry new ones. */
const DELIVERY_FIELDS = new Set(['signature', 'nonce', 'timestamp']);

/** JSON with the keys of every object sorted, so the same fields in another order hash alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The key that a redelivery of the same event shares: a hash of the event name and its identifying
 * fields (spec/callbacks.json `dedupe`, e.g. `msg_id` for `send_msg`). When one of them is empty
 * (peer messages sent in a batch through the server API have no `msg_id` nor `conv_id`) and for
 * events not in the spec, every field but the delivery's own (signature, nonce, timestamp) counts,
 * so two different events are never merged.
 *
 * @public
 */
export function dedupeKeyOf(fields: CallbackFields): string {
  const event = String(fields['event']);
  const spec = Object.hasOwn(CALLBACK_SPECS, event) ? CALLBACK_SPECS[event as CallbackEventName] : undefined;
  const ids = spec && spec.dedupe !== 'all' ? spec.dedupe : undefined;
  const picked =
    ids && !ids.some((name) => isEmpty(fields[name]))
      ? ids.map((name) => [name, fields[name]])
      : Object.entries(fields).filter(([name]) => !DELIVERY_FIELDS.has(name));
  const digest = createHash('sha256')
    .update(canonical([event, Object.fromEntries(picked)]))
    .digest('base64url');
  return `${event}:${digest}`;
}
