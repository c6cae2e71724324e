// Writes the parts of README.md that would otherwise drift from the code, between marker comments:
//   <!-- NAME:start --> ... <!-- NAME:end -->                  a table generated from the sources
//   <!-- include:PATH:start --> ... <!-- include:PATH:end -->  the file at PATH, verbatim, fenced
//
//   node --import tsx scripts/gen-readme.mjs           rewrites README.md
//   node --import tsx scripts/gen-readme.mjs --check   exits 1 and names what is stale (test/readme.test.ts)
//
// The result goes through Biome's Markdown formatter, as `npm run lint` checks it.
//
// Option tables come from the JSDoc of the option interfaces (read with the TypeScript compiler) and
// their defaults from DEFAULTS / MOCK_DEFAULTS; a JSDoc @default that disagrees with them is an error.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = join(root, 'README.md');

let api;
try {
  api = {
    ...(await import('../src/index.ts')),
    ...(await import('../src/mock/index.ts')),
    ...(await import('../src/options/isIdempotentByDefault.ts')),
  };
} catch (error) {
  console.error(
    `gen-readme: cannot load src/ (run it as: node --import tsx scripts/gen-readme.mjs)\n${error}`,
  );
  process.exit(2);
}
const { DEFAULTS, MOCK_DEFAULTS, ZIM_ACTIONS, ZIM_CODES, classifyCode, isIdempotentByDefault } = api;

/** Problems found while generating (a JSDoc default that disagrees with the defaults object...). */
const problems = [];

// ---------------------------------------------------------------------------------------------
// Reading interfaces and their JSDoc

const sources = new Map();
function sourceOf(file) {
  if (!sources.has(file)) {
    const text = readFileSync(join(root, file), 'utf8');
    sources.set(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  }
  return sources.get(file);
}

const oneLine = (text) => text.replace(/\s+/g, ' ').trim();
const docText = (comment) =>
  oneLine(
    (typeof comment === 'string' ? comment : (ts.getTextOfJSDocComment(comment) ?? '')).replace(
      /\{@link\s+([^}]+)\}/g,
      '$1',
    ),
  );

/** The members of `name` in `file`: name, type, description, @default text, optional. */
function membersOf(file, name) {
  const sf = sourceOf(file);
  const decl = sf.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (!decl) throw new Error(`gen-readme: interface ${name} not found in ${file}`);
  return {
    doc: docOf(decl).text,
    members: decl.members.filter(ts.isPropertySignature).map((m) => {
      const { text, tags } = docOf(m);
      return {
        name: m.name.getText(sf),
        type: oneLine(m.type?.getText(sf) ?? 'unknown'),
        doc: text,
        default: tags.default,
        optional: m.questionToken !== undefined,
      };
    }),
  };
}

function docOf(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const jsDoc = docs.at(-1);
  const tags = {};
  for (const tag of jsDoc?.tags ?? []) tags[tag.tagName.text] = docText(tag.comment ?? '');
  return { text: jsDoc ? docText(jsDoc.comment ?? '') : '', tags };
}

// ---------------------------------------------------------------------------------------------
// Formatting

const cell = (text) => String(text).replace(/\|/g, '\\|');
const code = (text) => `\`${cell(text)}\``;

/** A JavaScript value as the README writes it, or undefined for what has no literal (functions). */
function literal(value) {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${k}: ${literal(v)}`).join(', ')} }`;
  }
  return undefined;
}

/** A default written as code (`0`, `'app'`, `{}`, `() => ...`, `Math.random`), not as words. */
const looksLikeCode = (text) =>
  /^[-\d'{[(]|^(true|false)\b/.test(text) || (/^[\w.]+$/.test(text) && text !== 'none');

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/**
 * An option table. `defaults` is the object the defaults come from (or undefined); `nested` names
 * members documented in a table of their own; `prefix` is put before every name (`retry.`).
 */
function optionTable(file, name, { defaults, prefix = '', nested = {}, skip = [] } = {}) {
  const { members } = membersOf(file, name);
  const rows = [];
  for (const m of members) {
    if (skip.includes(m.name)) continue;
    const path = `${prefix}${m.name}`;
    const hasValue = defaults !== undefined && Object.hasOwn(defaults, m.name);
    const value = hasValue ? defaults[m.name] : undefined;
    let shown;
    if (nested[m.name]) shown = `see ${nested[m.name]}`;
    else if (hasValue && literal(value) !== undefined && value !== undefined) {
      shown = code(literal(value));
      const tag = m.default === undefined ? undefined : oneLine(m.default);
      if (tag !== undefined && tag !== literal(value) && !tag.startsWith(`${literal(value)} `)) {
        problems.push(
          `${name}.${m.name}: JSDoc says @default ${tag}, the defaults object has ${literal(value)}`,
        );
      }
    } else if (m.default !== undefined) shown = looksLikeCode(m.default) ? code(m.default) : cell(m.default);
    else shown = m.optional ? '—' : 'required';
    rows.push([code(path), code(m.type), shown, cell(m.doc)]);
  }
  if (defaults !== undefined) {
    const documented = new Set(members.map((m) => m.name));
    for (const key of Object.keys(defaults)) {
      if (!documented.has(key))
        problems.push(`${name}: the defaults object has ${key}, the interface does not document it`);
    }
  }
  return table(['option', 'type', 'default', 'what it does'], rows);
}

// ---------------------------------------------------------------------------------------------
// Sections

const CATEGORY_ORDER = ['success', 'retryable', 'rate-limited', 'auth', 'fatal'];

/** The 43 codes of the design seed (DESIGN.md): each one's handling is pinned by the tests. */
const SEED_CODES = [
  0, 1, 100000010, 100000011, 100000012, 100000015, 660000001, 660000003, 660600003, 660600006, 7, 660600004,
  660600005, 660600007, 660700001, 3, 100000002, 100000003, 100000004, 100000005, 100000008, 100000009,
  100000013, 100000014, 2, 50014, 51102, 100000000, 100000001, 100000006, 100000007, 100000016, 100000017,
  660000002, 660000011, 660300001, 660300002, 660400001, 660500002, 660600001, 660700002, 660700006,
  660700007,
];

function codesTable(codes) {
  const byCode = new Map(ZIM_CODES.map((c) => [c.code, c]));
  const rows = codes
    .map((c) => ({
      code: c,
      category: classifyCode(c),
      meaning: byCode.get(c)?.meaning ?? '(not in the catalog)',
    }))
    .sort(
      (a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.code - b.code,
    );
  return table(
    ['code', 'category', 'meaning'],
    rows.map((r) => [code(r.code), r.category, cell(r.meaning)]),
  );
}

function actionsTable() {
  const rows = Object.entries(ZIM_ACTIONS).map(([action, a]) => [
    code(action),
    a.method,
    `${a.perSecond}/s`,
    a.unit === 'message' ? 'per message asked for' : 'per call',
    a.scope === 'app' ? 'app' : `per ${a.scope} (${a.scope === 'group' ? 'GroupId' : 'RoomId'})`,
    a.dailyQuota === undefined ? '' : `${a.dailyQuota} per 24 h`,
    isIdempotentByDefault(action) ? 'yes' : 'no',
  ]);
  return table(
    ['action', 'method', 'limit', 'counted', 'shared by', 'quota', 'resent after a lost answer'],
    rows,
  );
}

function eventsTable() {
  const file = 'src/events/ZimEvents.ts';
  const { members } = membersOf(file, 'ZimEvents');
  const rows = members.map((m) => {
    const event = membersOf(file, m.type.replace(/<.*>$/, ''));
    const fields = event.members.map((f) => `${code(f.name)}${f.doc ? `: ${cell(f.doc)}` : ''}`).join('<br>');
    return [code(m.name), code(`zim-resilience:${m.name}`), cell(event.doc), fields];
  });
  return table(['hook', 'diagnostics channel', 'when', 'fields'], rows);
}

/** Every export of an entry point, with the first sentence of its JSDoc, read with the type checker. */
function exportsTable(entry, importPath) {
  const program = ts.createProgram([join(root, entry)], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(join(root, entry));
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) throw new Error(`gen-readme: cannot read the exports of ${entry}`);
  const rows = checker
    .getExportsOfModule(moduleSymbol)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const decl = target.declarations?.[0];
      const kind = !decl
        ? 'value'
        : ts.isFunctionDeclaration(decl)
          ? 'function'
          : ts.isClassDeclaration(decl)
            ? 'class'
            : ts.isInterfaceDeclaration(decl) || ts.isTypeAliasDeclaration(decl)
              ? 'type'
              : 'constant';
      const doc = oneLine(ts.displayPartsToString(target.getDocumentationComment(checker)));
      const first = doc.match(/^.*?\.(?=\s|$)/)?.[0] ?? doc;
      return { name: symbol.name, kind, doc: first.replace(/\{@link\s+([^}]+)\}/g, '$1') };
    })
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
  return table(
    [`from \`${importPath}\``, 'kind', 'what it is'],
    rows.map((r) => [code(r.name), r.kind, cell(r.doc)]),
  );
}
const KIND_ORDER = ['function', 'class', 'constant', 'value', 'type'];

const GENERATORS = {
  exports: () =>
    [
      exportsTable('src/index.ts', 'zim-resilience'),
      '',
      exportsTable('src/mock/index.ts', 'zim-resilience/mock'),
    ].join('\n'),
  codes: () => codesTable(SEED_CODES),
  'all-codes': () => {
    const counts = CATEGORY_ORDER.map((c) => `${ZIM_CODES.filter((x) => x.category === c).length} ${c}`).join(
      ', ',
    );
    return [
      '<details>',
      `<summary>All ${ZIM_CODES.length} documented codes (${counts})</summary>`,
      '',
      codesTable(ZIM_CODES.map((c) => c.code)),
      '',
      '</details>',
    ].join('\n');
  },
  options: () =>
    optionTable('src/options/ZimResilienceOptions.ts', 'ZimResilienceOptions', {
      defaults: DEFAULTS,
      nested: { retry: '`retry.*` below', limits: '`limits.*` below' },
    }),
  'client-options': () =>
    optionTable('src/client/createZimClient.ts', 'ZimClientOptions', { skip: ['appId', 'serverSecret'] }),
  'retry-options': () =>
    optionTable('src/options/ZimResilienceOptions.ts', 'RetryOptions', {
      defaults: DEFAULTS.retry,
      prefix: 'retry.',
    }),
  'limit-options': () => optionTable('src/limits/LimitSpec.ts', 'LimitSpec', { prefix: 'limits.<Action>.' }),
  'call-options': () => optionTable('src/client/createZimClient.ts', 'CallOptions'),
  events: eventsTable,
  actions: () =>
    [
      '<details>',
      `<summary>The ${Object.keys(ZIM_ACTIONS).length} documented actions and their limits</summary>`,
      '',
      actionsTable(),
      '',
      '</details>',
    ].join('\n'),
  'mock-options': () =>
    optionTable('src/mock/MockZimServerOptions.ts', 'MockZimServerOptions', {
      defaults: MOCK_DEFAULTS,
      nested: { faults: '`faults.*` below' },
    }),
  'mock-faults': () =>
    optionTable('src/mock/MockZimServerOptions.ts', 'MockFaults', {
      defaults: MOCK_DEFAULTS.faults,
      prefix: 'faults.',
    }),
};

function include(path) {
  const file = join(root, path);
  if (!existsSync(file)) {
    problems.push(`include:${path}: no such file`);
    return '';
  }
  const lang = { ts: 'ts', mjs: 'js', js: 'js', sh: 'sh', json: 'json' }[path.split('.').pop()] ?? '';
  return `\`\`\`${lang}\n${readFileSync(file, 'utf8').trimEnd()}\n\`\`\``;
}

// ---------------------------------------------------------------------------------------------
// Rendering

const MARKER = /<!-- ([\w./:-]+):start -->\n([\s\S]*?)<!-- \1:end -->/g;

/** README.md with every generated part brought up to date (before formatting). */
function render(readme) {
  const seen = new Set();
  const out = readme.replace(MARKER, (_all, name) => {
    seen.add(name);
    let fresh;
    if (name.startsWith('include:')) fresh = include(name.slice('include:'.length));
    else if (GENERATORS[name]) fresh = GENERATORS[name]();
    else {
      problems.push(`${name}: no generator of that name`);
      return _all;
    }
    return `<!-- ${name}:start -->\n${fresh}\n<!-- ${name}:end -->`;
  });
  for (const name of Object.keys(GENERATORS))
    if (!seen.has(name)) problems.push(`${name}: no marker in README.md`);
  return out;
}

/** Formats Markdown as `biome check` wants it (tables aligned, emphasis with `_`). */
function biomeFormat(markdown) {
  const biome = join(root, 'node_modules/@biomejs/biome/bin/biome');
  const run = spawnSync(process.execPath, [biome, 'format', '--stdin-file-path=README.md'], {
    cwd: root,
    input: markdown,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`gen-readme: biome format failed:\n${run.stderr}`);
  return run.stdout;
}

const sectionsOf = (text) => new Map([...text.matchAll(MARKER)].map((m) => [m[1], m[2]]));

const readme = readFileSync(readmePath, 'utf8');
const fresh = biomeFormat(render(readme));
if (problems.length) {
  console.error(`gen-readme: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
const now = sectionsOf(readme);
const stale = [...sectionsOf(fresh)].filter(([name, body]) => now.get(name) !== body).map(([name]) => name);
if (fresh !== readme && stale.length === 0) stale.push('the text outside the markers (Biome formatting)');
if (process.argv.includes('--check')) {
  if (stale.length) {
    console.error(
      `README.md is stale in: ${stale.join(', ')}.\nRun: node --import tsx scripts/gen-readme.mjs`,
    );
    process.exit(1);
  }
  console.log('README.md is up to date.');
} else {
  writeFileSync(readmePath, fresh);
  console.log(stale.length ? `README.md: regenerated ${stale.join(', ')}` : 'README.md: already up to date');
}
