// Regenerates src/generated/callbackSpec.ts from spec/callbacks.json: per event a typed
// interface (`SendMsgEvent`, ...), the `CallbackEventMap` the typed `on` handlers read, and
// `CALLBACK_SPECS` (each event's fields and dedupe key) for the receiver at run time.
// test/generated.test.ts fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { biomeFormat } from './gen-types.mjs';
import { genHeader, genOut, tagPublic } from './genOut.mjs';

const SPEC = new URL('../spec/callbacks.json', import.meta.url);
export const OUT = genOut('callbackSpec.ts');

const tsType = (f) => {
  if (f.array) {
    const inner = Object.entries(f.array)
      .map(([k, v]) => `${k}?: ${tsType(v)}`)
      .join('; ');
    return `ReadonlyArray<{ ${inner} }>`;
  }
  if (f.type === 'string') return 'string';
  if (f.type === 'integer') return 'number';
  if (f.type === 'string[]') return 'readonly string[]';
  throw new Error(`unknown type ${JSON.stringify(f)}`);
};

const kind = (f) => (f.array ? 'objects' : f.type === 'string[]' ? 'strings' : f.type);

function doc(f) {
  const parts = [];
  if (f.unit) parts.push(`Unit: ${f.unit}.`);
  if (f.values) {
    const v = Array.isArray(f.values)
      ? f.values.map((x) => `\`${x}\``).join(', ')
      : Object.entries(f.values)
          .map(([k, d]) => `${k} ${d}`)
          .join(', ');
    parts.push(`Values: ${v}.`);
  }
  if (f.note) parts.push(`${f.note[0].toUpperCase()}${f.note.slice(1)}.`);
  if (f.verified === false) parts.push('Not shown on the stored pages (from the issue); optional.');
  return parts.length ? `  /** ${parts.join(' ')} */\n` : '';
}

export function generateCallbackTypes(spec = JSON.parse(readFileSync(SPEC, 'utf8'))) {
  let out = `${genHeader(['spec/callbacks.json'], 'gen-callbacks.mjs')}\n\n`;
  out += `/** The fields every callback carries. */\nexport interface CallbackCommon {\n`;
  out += `  /** The AppID, as a string. */\n  readonly appid: string;\n  readonly event: string;\n  readonly nonce: string;\n  readonly signature: string;\n`;
  out += `  /** Unix time in seconds or in milliseconds (the pages disagree; a sample sends it as a string). */\n  readonly timestamp: number | string;\n}\n\n`;
  const names = [];
  for (const [event, e] of Object.entries(spec.events)) {
    names.push([event, e.type]);
    const page = spec.docsBase + e.page;
    out += `/** \`${event}\`: ${page}${e.verified === false ? ' (fields not shown on the stored pages)' : ''} */\n`;
    out += `export interface ${e.type} extends CallbackCommon {\n  readonly event: '${event}';\n`;
    for (const [name, f] of Object.entries(e.fields)) {
      const optional = f.optional || f.verified === false || e.verified === false ? '?' : '';
      out += doc(f) + `  readonly ${name}${optional}: ${tsType(f)};\n`;
    }
    out += `}\n\n`;
  }
  out += `/** Every documented event, by its \`event\` field. */\nexport interface CallbackEventMap {\n`;
  for (const [event, type] of names) out += `  ${event}: ${type};\n`;
  out += `}\n\n/** A documented event name. */\nexport type CallbackEventName = keyof CallbackEventMap;\n\n`;
  out += `/** The kind of a business field, for reading form bodies (every value a string there). */\nexport type CallbackFieldKind = 'string' | 'integer' | 'strings' | 'objects';\n\n`;
  out += `/** Per event: its business fields and the fields of its dedupe key (\`'all'\`: every business field). */\n`;
  out += `export const CALLBACK_SPECS: Readonly<Record<CallbackEventName, { readonly fields: Readonly<Record<string, CallbackFieldKind>>; readonly dedupe: readonly string[] | 'all' }>> = {\n`;
  for (const [event, e] of Object.entries(spec.events)) {
    const fields = Object.entries(e.fields)
      .map(([n, f]) => `${n}: '${kind(f)}'`)
      .join(', ');
    const dedupe = e.dedupe === 'all' ? `'all'` : `[${e.dedupe.map((d) => `'${d}'`).join(', ')}]`;
    out += `  ${event}: { fields: { ${fields} }, dedupe: ${dedupe} },\n`;
  }
  out += `};\n\n/** ZEGO's redelivery delays after a failed delivery, in seconds. */\nexport const ZEGO_RETRY_DELAYS_S: readonly number[] = ${JSON.stringify(spec.delivery.retryDelaysSeconds)};\n\n`;
  out += `/** How long ZEGO waits for a before_send_msg verdict, in ms. */\nexport const ZEGO_VERDICT_WITHIN_MS = ${spec.beforeSendVerdict.answerWithinMs};\n`;
  return biomeFormat(tagPublic(out), new URL('../src/generated/callbackSpec.ts', import.meta.url));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUT, generateCallbackTypes());
  console.log(`wrote ${fileURLToPath(OUT)}`);
}
