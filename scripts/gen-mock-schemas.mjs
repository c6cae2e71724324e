// Regenerates src/generated/zimApiSchemas.ts (and the compiled validators, bodyValidators.ts and
// queryValidators.ts) from spec/zim-api.json and spec/return-codes.tsv: what the mock server reads
// at run time (method, request and response schemas, codes of each action), so that it ships
// inside dist/. test/generated.test.ts fails when a committed file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { genHeader, genOut } from './genOut.mjs';

const target = genOut('zimApiSchemas.ts');
const spec = JSON.parse(readFileSync(new URL('../spec/zim-api.json', import.meta.url), 'utf8'));

/** JSON Schema has no `int32` type (a few pages use it): it is an integer. */
function normalize(schema) {
  if (Array.isArray(schema)) return schema.map(normalize);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === 'type' && value === 'int32' ? 'integer' : normalize(value);
  }
  return out;
}

const entries = {};
for (const [action, a] of Object.entries(spec.actions)) {
  entries[action] = {
    method: a.method,
    request: normalize(a.request ?? { type: 'object' }),
    response: normalize(a.response ?? { type: 'object' }),
    codes: a.codes ?? [],
  };
}
// The meaning of every documented code: the Message of the mock's refusals.
const meanings = {};
for (const line of readFileSync(new URL('../spec/return-codes.tsv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)) {
  const [code, meaning] = line.split('\t');
  meanings[code] = meaning;
}
const quote = (value) => `'${JSON.stringify(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const out = `${genHeader(['spec/zim-api.json', 'spec/return-codes.tsv'], 'gen-mock-schemas.mjs')}
import type { MockApiEntry } from '../mock/MockApiEntry.js';

/** The ${Object.keys(entries).length} documented actions: method, request and response JSON schemas, codes. */
export const ZIM_API_SCHEMAS: Readonly<Record<string, MockApiEntry>> = JSON.parse(
  ${quote(entries)},
);

/** The meaning of each documented return code (spec/return-codes.tsv), by code. */
export const ZIM_CODE_MEANINGS: Readonly<Record<string, string>> = JSON.parse(
  ${quote(meanings)},
);
`;

/**
 * ajv's run-time helpers the generated code calls, by their module name: copies of
 * ajv/dist/runtime/*.js (MIT), so the generated validators import nothing.
 */
const runtimeHelpers = new Map([
  [
    'ucs2length',
    // ajv/dist/runtime/ucs2length.js: the length of a string in Unicode code points
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 0xfc00) === 0xdc00) pos++;
        }
      }
      return length;
    },
  ],
]);

/**
 * The request validators as ajv standalone code, compiled here once rather than at every
 * start-up: one module for the JSON bodies of POST actions (checked as sent), one for the query
 * strings of GET actions (`coerceTypes: 'array'`: '5' is 5, a single value a list of one).
 * The same options as a runtime `new Ajv(...)` would take; only the first error is looked for.
 */
function validatorsModule(method, coerce) {
  const ajv = new Ajv({
    strict: false,
    validateFormats: false,
    allErrors: false,
    ...(coerce && { coerceTypes: 'array' }),
    code: { source: true, esm: true, lines: false },
  });
  const names = {};
  for (const [action, entry] of Object.entries(entries)) {
    if (entry.method !== method) continue;
    ajv.addSchema(entry.request, action);
    names[action] = action;
  }
  const code = standalone.default(ajv, names);
  // ajv's ESM output still requires its runtime helpers: inline their source, so the package
  // needs no ajv at run time (ajv is a devDependency of the generator only).
  const helpers = [...code.matchAll(/const (\w+) = require\("ajv\/dist\/runtime\/(\w+)"\)\.default;/g)];
  let body = code.replace(/^"use strict";/, '');
  const locals = [];
  for (const [line, local, helper] of helpers) {
    body = body.replace(line, '');
    const fn = runtimeHelpers.get(helper);
    if (!fn) throw new Error(`ajv runtime helper ${helper} has no inlined copy: add it to runtimeHelpers`);
    locals.push(`const ${local} = ${fn.toString()};`);
  }
  return `${genHeader(['spec/zim-api.json'], 'gen-mock-schemas.mjs')}
// ajv standalone code.
// biome-ignore-all lint: generated code
// biome-ignore-all format: generated code
// @ts-nocheck
${locals.join('\n')}
${body.trim()}
`;
}

const outputs = [
  [target, out],
  [genOut('bodyValidators.ts'), validatorsModule('POST', false)],
  [genOut('queryValidators.ts'), validatorsModule('GET', true)],
];
for (const [file, text] of outputs) writeFileSync(file, text);
console.log(`wrote ${Object.keys(entries).length} actions`);
