import { CALLBACK_SPECS, type CallbackEventName } from '../generated/callbackSpec.js';

/**
 * The fields of a callback, as read from its body.
 *
 * @public
 */
export type CallbackFields = Record<string, unknown>;

const isRecord = (v: unknown): v is CallbackFields =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonObject(text: string): CallbackFields | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return isRecord(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** URL-decoding as ZEGO's samples do it (PHP `urldecode`: `+` is a space); undefined on a bad escape. */
function urlDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Form fields are all strings: the documented integer and list fields of the event are read as
 * such (a list as JSON, or the repeated `name` / `name[]` fields). Values already typed (a body
 * that `express.json()` parsed) are left alone.
 */
export function typedFields(fields: CallbackFields): CallbackFields {
  const event = fields['event'];
  if (typeof event !== 'string' || !Object.hasOwn(CALLBACK_SPECS, event)) return fields;
  const spec = CALLBACK_SPECS[event as CallbackEventName];
  const out: CallbackFields = { ...fields };
  for (const [name, kind] of Object.entries(spec.fields)) {
    const v = out[name];
    if (typeof v !== 'string') continue;
    if (kind === 'integer' && /^-?\d+$/.test(v.trim())) out[name] = Number(v);
    else if (kind === 'strings' || kind === 'objects') {
      const parsed = (() => {
        try {
          return JSON.parse(v) as unknown;
        } catch {
          return undefined;
        }
      })();
      if (Array.isArray(parsed)) out[name] = parsed;
      else if (kind === 'strings') out[name] = v === '' ? [] : [v];
    }
  }
  return out;
}

function formFields(text: string): CallbackFields | undefined {
  if (!text.includes('=')) return undefined;
  const params = new URLSearchParams(text);
  const out: CallbackFields = {};
  for (const [rawKey, value] of params) {
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const prev = out[key];
    if (rawKey.endsWith('[]')) out[key] = [...(Array.isArray(prev) ? prev : []), value];
    else if (prev === undefined) out[key] = value;
    else out[key] = [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return typeof out['event'] === 'string' || typeof out['signature'] === 'string' ? out : undefined;
}

/**
 * The fields of a callback body, in the three forms ZEGO's pages describe: JSON; URL-encoded JSON;
 * form fields. A body that parses as JSON is never URL-decoded (a literal `%` in a message stays as
 * sent). `undefined` when it is none of them.
 *
 * @public
 */
export function parseCallbackBody(body: string | CallbackFields): CallbackFields | undefined {
  if (isRecord(body)) return typedFields(body);
  const text = body.trim();
  const json = jsonObject(text);
  if (json) return typedFields(json);
  if (/^%7B/i.test(text)) {
    const decoded = urlDecode(text);
    const inner = decoded === undefined ? undefined : jsonObject(decoded.trim());
    if (inner) return typedFields(inner);
  }
  const form = formFields(text);
  return form ? typedFields(form) : undefined;
}
