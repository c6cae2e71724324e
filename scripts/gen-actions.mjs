// Regenerates src/generated/actions.ts from spec/actions.tsv, with each action's official page and
// the codes its page lists from spec/zim-api.json. test/generated.test.ts checks it is not stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { biomeFormat, docUrl } from './gen-types.mjs';
import { genHeader, genOut, tagPublic } from './genOut.mjs';

export const OUT = genOut('actions.ts');

export function generateActions() {
  const tsv = readFileSync(new URL('../spec/actions.tsv', import.meta.url), 'utf8');
  const { actions } = JSON.parse(readFileSync(new URL('../spec/zim-api.json', import.meta.url), 'utf8'));
  const rows = tsv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  const lines = rows.map(([action, method, perSecond, unit, scope, quota]) => {
    const q = quota === '-' ? '' : `, dailyQuota: ${Number.parseInt(quota, 10)}`;
    const api = actions[action];
    if (!api) throw new Error(`${action} is in spec/actions.tsv, not in spec/zim-api.json`);
    return [
      `  ${action}: {`,
      `    method: '${method}', perSecond: ${perSecond}, unit: '${unit}', scope: '${scope}'${q},`,
      `    codes: [${api.codes.join(', ')}],`,
      `    doc: '${docUrl(api.doc)}',`,
      '  },',
    ].join('\n');
  });
  const extra = Object.keys(actions).filter((a) => !rows.some(([r]) => r === a));
  if (extra.length > 0) throw new Error(`not in spec/actions.tsv: ${extra.join(', ')}`);
  return biomeFormat(
    tagPublic(text(rows.length, lines)),
    new URL('../src/generated/actions.ts', import.meta.url),
  );
}

function text(count, lines) {
  return `${genHeader(['spec/actions.tsv', 'spec/zim-api.json'], 'gen-actions.mjs')}
import type { ActionSpec } from '../limits/ActionSpec.js';

/**
 * The ${count} documented ZIM server API actions: HTTP method, calls per second, unit, scope, quota,
 * the codes the action's page lists, and the page.
 */
export const ZIM_ACTIONS = {
${lines.join('\n')}
} as const satisfies Record<string, ActionSpec>;

/** The name of a documented ZIM action. */
export type ZimAction = keyof typeof ZIM_ACTIONS;
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUT, generateActions());
  console.log(`wrote ${fileURLToPath(OUT)}`);
}
