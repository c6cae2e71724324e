// Regenerates src/generated/zimCodes.ts from spec/return-codes.tsv, with the category of each
// code from spec/code-categories.json: `seed` (the 43 codes classified when the project was
// designed) and `decisions` (the other 99, each judged by the rule in the file's `$comment`, with
// the reason), and its `corrections` where the page disagrees with itself (the TSV stays verbatim).
// The script fails if a code of the TSV is in neither table, in both, or if a table
// names a code the TSV lacks. test/generated.test.ts fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { genHeader, genOut, tagPublic } from './genOut.mjs';

const spec = JSON.parse(readFileSync(new URL('../spec/code-categories.json', import.meta.url), 'utf8'));
const CATEGORIES = spec.categories;

/** Fails the generation with a message. */
function fail(message) {
  console.error(`gen-codes: ${message}`);
  process.exit(1);
}

// One category per code, from the two tables.
/** @type {Map<number, string>} */
const categoryOf = new Map();
function classify(code, category, table) {
  if (!CATEGORIES.includes(category)) fail(`${table}[${code}] has unknown category "${category}"`);
  if (categoryOf.has(code)) fail(`code ${code} is classified twice (again in ${table})`);
  categoryOf.set(code, category);
}
for (const [category, codes] of Object.entries(spec.seed)) {
  if (category === '$comment') continue;
  for (const code of codes) classify(code, category, 'seed');
}
const seedCount = categoryOf.size;
if (seedCount !== 43) fail(`seed has ${seedCount} codes, the design lists 43`);
for (const { heading, codes } of spec.decisions) {
  for (const { code, category, why } of codes) {
    if (!why) fail(`decisions: code ${code} (${heading}) has no reason`);
    classify(code, category, 'decisions');
  }
}

const tsv = readFileSync(new URL('../spec/return-codes.tsv', import.meta.url), 'utf8');
const [header, ...lines] = tsv.trim().split('\n');
if (header !== 'code\tmeaning\tcause\tadvice\tsection') fail(`unexpected TSV header: ${header}`);
const rows = lines.map((line) => {
  const [code, meaning, cause, advice] = line.split('\t');
  if (!/^\d+$/.test(code ?? '') || !meaning || !cause || !advice) fail(`bad TSV row: ${line}`);
  return { code: Number(code), meaning, cause, advice };
});

// Where the page disagrees with itself: the corrected text, checked against what the TSV says.
for (const { code, field, source, corrected, why } of spec.corrections?.entries ?? []) {
  const row = rows.find((r) => r.code === code);
  if (!row) fail(`corrections: code ${code} is not in the TSV`);
  if (!['meaning', 'cause', 'advice'].includes(field))
    fail(`corrections: code ${code} has no field ${field}`);
  if (!why || !corrected) fail(`corrections: code ${code} needs corrected and why`);
  if (row[field] !== source)
    fail(
      `corrections: the TSV's ${field} of ${code} is now ${JSON.stringify(row[field])}, not ${JSON.stringify(source)}: decide again`,
    );
  row[field] = corrected;
}

const tsvCodes = new Set(rows.map((r) => r.code));
if (tsvCodes.size !== rows.length) fail('the TSV lists a code twice');
const unclassified = rows.filter((r) => !categoryOf.has(r.code)).map((r) => r.code);
if (unclassified.length > 0) fail(`unclassified codes: ${unclassified.join(', ')}`);
const unknown = [...categoryOf.keys()].filter((c) => !tsvCodes.has(c));
if (unknown.length > 0) fail(`classified codes the TSV does not have: ${unknown.join(', ')}`);

/** A string literal the way biome formats it: single quotes unless that needs more escapes. */
function quote(s) {
  if (s.includes("'") && !s.includes('"')) return JSON.stringify(s);
  return `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** One `key: value,` line of an entry, wrapped after the colon as biome does past 110 columns. */
function field(f) {
  const line = `    ${f},`;
  if (line.length <= 110) return `${line}\n`;
  const colon = f.indexOf(': ');
  return `    ${f.slice(0, colon)}:\n      ${f.slice(colon + 2)},\n`;
}

const entries = rows.map(({ code, meaning, cause, advice }) => {
  const fields = [`code: ${code}`, `category: '${categoryOf.get(code)}'`, `meaning: ${quote(meaning)}`];
  if (cause !== '-') fields.push(`cause: ${quote(cause)}`);
  if (advice !== '-') fields.push(`advice: ${quote(advice)}`);
  return `  {\n${fields.map(field).join('')}  },`;
});

const counts = CATEGORIES.map((c) => `${c} ${rows.filter((r) => categoryOf.get(r.code) === c).length}`);
const out = `${genHeader(['spec/return-codes.tsv', 'spec/code-categories.json'], 'gen-codes.mjs')}
// The reason for each category is in spec/code-categories.json.
import type { ZimCodeInfo } from '../codes/ZimCodeInfo.js';

/**
 * The ${rows.length} documented ZIM return codes, with the docs' meaning, cause and advice and the
 * category each one calls for (${counts.join(', ')}).
 */
export const ZIM_CODES: readonly ZimCodeInfo[] = [
${entries.join('\n')}
];
`;
writeFileSync(genOut('zimCodes.ts'), tagPublic(out));
console.log(
  `wrote ${rows.length} codes (${seedCount} seed, ${rows.length - seedCount} decided): ${counts.join(', ')}`,
);
