import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZIM_CODES } from '../src/index.js';

// Comments and docs that are true (issue 19, item 7): counts that follow the catalog, no file
// named that the repository does not have, no library named as used that is not.
const root = new URL('..', import.meta.url).pathname;
const SKIP = new Set(['node_modules', 'dist', '.git', 'api', 'generated']);
function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : /\.(ts|mjs|md|json|tsv)$/.test(e.name) ? [path] : [];
  });
}
const self = relative(root, new URL(import.meta.url).pathname);
const texts = ['src', 'scripts', 'test', 'docs', 'bench', 'examples', 'spec', 'demo']
  .flatMap(filesUnder)
  .concat('README.md')
  .filter((f) => f !== self)
  .map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));

describe('comments and docs', () => {
  it('count the codes the catalog has', () => {
    const wrong = texts.flatMap(({ file, text }) =>
      [...text.matchAll(/\b(\d{3}) (?:documented )?(?:ZIM )?(?:return )?codes\b/g)]
        .filter((m) => Number(m[1]) !== ZIM_CODES.length)
        .map((m) => `${file}: ${m[0]}`),
    );
    expect(ZIM_CODES.length).toBe(142);
    expect(wrong).toEqual([]);
  });

  it('name no file outside the repository (design notes, ../shared)', () => {
    const outside = /\bDESIGN\.md\b|\bSTYLE\.md\b|(?:\.\.\/|\b)shared\/[\w./-]*\.(?:tsv|json|md)\b/g;
    const found = texts.flatMap(({ file, text }) =>
      [...text.matchAll(outside)].map((m) => `${file}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });

  it('never say the package runs on Bottleneck (only the bench measures it)', () => {
    const found = texts
      .filter(({ file }) => file.startsWith('src/'))
      .filter(({ text }) => /bottleneck/i.test(text))
      .map(({ file }) => file);
    expect(found).toEqual([]);
  });
});
