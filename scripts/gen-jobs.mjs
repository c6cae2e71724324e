// Regenerates src/generated/jobActions.ts from spec/zim-api.json: the paged actions (cursor in,
// cursor out, end, items, Limit maximum) and the batch actions (list parameter, maximum, item key,
// per-item failure and success lists) that zim.paginate and zim.batch drive. Derived from the
// request and response schemas by the rules below; where the documents are ambiguous the decision
// is in the spec's own `jobs` section (each with its reason), never in a switch in src/.
// test/generated.test.ts checks the file is not stale, test/jobActions.test.ts each rule against the spec.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { biomeFormat } from './gen-types.mjs';
import { genHeader, genOut, tagPublic } from './genOut.mjs';

export const OUT = genOut('jobActions.ts');

/** A request property that carries the cursor of the page to fetch. */
const CURSOR_IN = /^(Next\w*|\w+Flag)$/;
/** A response property that carries the cursor of the following page. */
const CURSOR_OUT = /^Next\w*$/;
/** A numeric response property that says the walk is over (1). */
const END_FLAG = /End$/;

const props = (schema) => schema?.properties ?? {};
const arrays = (schema) => Object.entries(props(schema)).filter(([, v]) => v.type === 'array');

/** Every paged action: a cursor in the request and one in the answer, one array of items. */
export function pagedActions(spec) {
  const out = {};
  for (const [action, a] of Object.entries(spec.actions)) {
    const cursorIn = Object.keys(props(a.request)).find((k) => CURSOR_IN.test(k));
    const cursorOut = Object.keys(props(a.response)).find((k) => CURSOR_OUT.test(k));
    if (cursorIn === undefined || cursorOut === undefined) continue;
    const items = arrays(a.response);
    if (items.length !== 1)
      throw new Error(`${action}: expected one array in the answer, got ${items.length}`);
    const type = props(a.response)[cursorOut].type;
    const inType = props(a.request)[cursorIn].type;
    if (type !== inType) throw new Error(`${action}: ${cursorIn} is a ${inType}, ${cursorOut} a ${type}`);
    const endFlag = Object.entries(props(a.response)).find(
      ([k, v]) => END_FLAG.test(k) && (v.type === 'number' || v.type === 'integer'),
    )?.[0];
    const decided = spec.jobs?.paged?.[action];
    if (decided?.end !== undefined && decided.end !== endFlag)
      throw new Error(
        `${action}: spec jobs.paged says the walk ends on ${decided.end}, the schema on ${endFlag}`,
      );
    const limit = props(a.request)['Limit'];
    out[action] = {
      cursor: cursorIn,
      nextCursor: cursorOut,
      cursorType: type === 'string' ? 'string' : 'number',
      ...(endFlag === undefined ? {} : { endFlag }),
      items: items[0][0],
      ...(limit?.maximum === undefined ? {} : { maxLimit: limit.maximum }),
    };
  }
  return out;
}

/**
 * Every batch action: a list parameter with a documented maximum (`maxItems`, or the spec's
 * `jobs.batch` decision). Per-item failures are the answer's arrays whose items carry a `SubCode`;
 * the other arrays are per-item successes. The key of an item is the field its failure names it by.
 */
export function batchActions(spec) {
  const decisions = spec.jobs?.batch ?? {};
  for (const name of Object.keys(decisions))
    if (!spec.actions[name]) throw new Error(`spec jobs.batch names ${name}, not an action`);
  const paged = pagedActions(spec);
  const out = {};
  for (const [action, a] of Object.entries(spec.actions)) {
    if (paged[action]) continue;
    const decided = decisions[action] ?? {};
    const candidates = arrays(a.request);
    const list = decided.list ?? candidates.filter(([, v]) => v.maxItems !== undefined).map(([k]) => k);
    if (list.length === 0 && decided.maxItems === undefined) continue;
    const fromSchema = list.map((k) => props(a.request)[k]?.maxItems).filter((m) => m !== undefined);
    if (new Set(fromSchema).size > 1) throw new Error(`${action}: its lists have different maxima`);
    const maxItems = decided.maxItems ?? fromSchema[0];
    if (list.length === 0) list.push(...candidates.map(([k]) => k));
    if (list.length === 0 || maxItems === undefined) throw new Error(`${action}: no list or no maximum`);
    for (const k of list)
      if (props(a.request)[k]?.type !== 'array') throw new Error(`${action}.${k} is no array`);
    const answerLists = arrays(a.response);
    const failures = answerLists.filter(([, v]) => 'SubCode' in props(v.items)).map(([k]) => k);
    const successes = answerLists.filter(([, v]) => !('SubCode' in props(v.items))).map(([k]) => k);
    const itemSchema = props(a.request)[list[0]].items;
    const failureFields = failures.flatMap((f) => Object.keys(props(props(a.response)[f].items)));
    const key =
      itemSchema.type === 'object'
        ? Object.keys(props(itemSchema)).find((k) => failureFields.includes(k))
        : failureFields.find((k) => !/^Sub/.test(k));
    if (failures.length > 0 && key === undefined) throw new Error(`${action}: no item key`);
    out[action] = {
      list,
      maxItems,
      ...(key === undefined ? {} : { key }),
      itemType: itemSchema.type === 'object' ? 'object' : itemSchema.type === 'string' ? 'string' : 'number',
      failures,
      successes,
      split: decided.split ?? true,
    };
  }
  return out;
}

const literal = (value) =>
  JSON.stringify(value, null, 2)
    .replace(/"(\w+)":/g, '$1:')
    .replace(/"/g, "'");

export function generateJobActions() {
  const spec = JSON.parse(readFileSync(new URL('../spec/zim-api.json', import.meta.url), 'utf8'));
  const paged = pagedActions(spec);
  const batch = batchActions(spec);
  const text = `${genHeader(['spec/zim-api.json'], 'gen-jobs.mjs')}
import type { BatchSpec } from '../jobs/BatchSpec.js';
import type { PagedSpec } from '../jobs/PagedSpec.js';

/** The ${Object.keys(paged).length} paged actions: where the cursor goes in and comes out, what ends a walk, the items, the largest \`Limit\`. */
export const PAGED_ACTIONS = ${literal(paged)} as const satisfies Record<string, PagedSpec>;

/** The name of a paged action (\`zim.paginate\`). */
export type PagedAction = keyof typeof PAGED_ACTIONS;

/** The ${Object.keys(batch).length} batch actions: the list parameter, its documented maximum, the item key, the per-item lists. */
export const BATCH_ACTIONS = ${literal(batch)} as const satisfies Record<string, BatchSpec>;

/** The name of a batch action (\`zim.batch\`). */
export type BatchAction = keyof typeof BATCH_ACTIONS;
`;
  return biomeFormat(tagPublic(text), new URL('../src/generated/jobActions.ts', import.meta.url));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUT, generateJobActions());
  console.log(`wrote ${fileURLToPath(OUT)}`);
}
