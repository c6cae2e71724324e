// Regenerates src/generated/ZimApi.ts from spec/zim-api.json with
// json-schema-to-typescript: per action a `<Action>Request` and `<Action>Response`, and the
// `ZimApi` map the typed `call` reads. test/generated.test.ts fails when the committed file is stale.
//
// What the schemas get before the generator sees them (all type-level, nothing invented):
// - `additionalProperties: false` on every object that lists its properties, so a field the
//   documents do not have is a compile error (a free-form object stays `{ [k: string]: unknown }`);
// - OpenAPI's `nullable: true` becomes a `null` alternative;
// - a `type` beside `oneOf`/`anyOf` becomes one more alternative (`string` or one of the shapes);
// - every answer starts with the public head (`Code` a number, always there; `Message`, `RequestId`
//   strings), whatever its page says (CreateRoom's page calls `Code` an object).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { genHeader, genOut, tagPublic } from './genOut.mjs';

const SPEC = new URL('../spec/zim-api.json', import.meta.url);
export const OUT = genOut('ZimApi.ts');
/** The official page of an action: this + its `doc` path, lower-cased, spaces as hyphens. */
export const DOCS_BASE = 'https://www.zegocloud.com/docs/zim-server/';

export const docUrl = (doc) => DOCS_BASE + doc.toLowerCase().replaceAll(' ', '-');

function prepare(schema) {
  if (Array.isArray(schema)) return schema.map(prepare);
  if (schema === null || typeof schema !== 'object') return schema;
  const s = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, prepare(v)]));
  if (s.nullable === true) {
    delete s.nullable;
    if (typeof s.type === 'string') s.type = [s.type, 'null'];
  }
  for (const key of ['oneOf', 'anyOf']) {
    if (s[key] && s.type !== undefined) {
      s.anyOf = [{ type: s.type }, ...s[key]];
      if (key === 'oneOf') delete s.oneOf;
      delete s.type;
    }
  }
  if (s.type === 'object' && s.properties && s.additionalProperties === undefined) {
    s.additionalProperties = false;
  }
  return s;
}

const HEAD = { Code: { type: 'number' }, Message: { type: 'string' }, RequestId: { type: 'string' } };

function answer(schema = { type: 'object', properties: {} }) {
  const required = [...new Set(['Code', ...(schema.required ?? [])])];
  return { ...schema, required, properties: { ...schema.properties, ...HEAD } };
}

async function typeOf(schema, name, description) {
  const root = { ...prepare(schema), title: name, description };
  const ts = await compile(root, name, {
    bannerComment: '',
    additionalProperties: true, // a free-form object (`MessageBody`) takes any fields
    ignoreMinAndMaxItems: true,
    unknownAny: true,
    format: false,
  });
  // The generator spells C2cReadReceipt as C2CReadReceipt: keep the action's own spelling.
  const given = /export (?:interface|type) (\w+)/.exec(ts)?.[1];
  if (!given) throw new Error(`no type generated for ${name}`);
  return ts
    .replaceAll(new RegExp(`\\b${given}\\b`, 'g'), name)
    .replace(/export interface (\w+) \{\s*\}/, 'export type $1 = Record<string, never>;') // no parameters
    .trim();
}

/** The file's text, formatted by the project's biome so `biome check` leaves it alone. */
export async function generateTypes() {
  const { source, actions } = JSON.parse(readFileSync(SPEC, 'utf8'));
  const names = Object.keys(actions).sort();
  const parts = [];
  const map = [];
  for (const action of names) {
    const { doc, method, request, response } = actions[action];
    const url = docUrl(doc);
    const where = method === 'GET' ? 'query string' : 'JSON body';
    const see = `\n\n@see ${url}`;
    parts.push(
      await typeOf(
        request,
        `${action}Request`,
        `Parameters of ${action} (${method}, in the ${where}).${see}`,
      ),
    );
    parts.push(await typeOf(answer(response), `${action}Response`, `The answer of ${action}.${see}`));
    map.push(
      `  /** ${method} ${action}: ${url} */\n  ${action}: { params: ${action}Request; response: ${action}Response };`,
    );
  }
  const text = `${genHeader(['spec/zim-api.json'], 'gen-types.mjs')}
// Source: ${source}

${parts.join('\n\n')}

/** Every documented ZIM server API action: its parameters and its answer, from the official API documents. */
export interface ZimApi {
${map.join('\n')}
}
`;
  return biomeFormat(tagPublic(text), new URL('../src/generated/ZimApi.ts', import.meta.url));
}

/** `text` as the project's biome formats the file at `url`. */
export function biomeFormat(text, url) {
  const biome = fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url));
  const r = spawnSync(biome, ['format', `--stdin-file-path=${fileURLToPath(url)}`], {
    input: text,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`biome format failed: ${r.stderr}`);
  return r.stdout;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await generateTypes();
  writeFileSync(OUT, text);
  console.log(`wrote ${fileURLToPath(OUT)}: ${text.split('\n').length} lines`);
}
