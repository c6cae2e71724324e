import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const committed = join(root, 'src/generated');
const fresh = mkdtempSync(join(tmpdir(), 'zim-gen-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

const files = (dir: string) => readdirSync(dir).sort();

// Everything `npm run gen` writes lives in src/generated/ and nowhere else: regenerate it from
// spec/ into a temporary directory (the working tree is left alone) and compare file by file.
describe('src/generated/', () => {
  it('is exactly what `npm run gen` makes of spec/ (regenerated into a temporary directory)', async () => {
    await run(process.execPath, ['scripts/gen.mjs', '--out', fresh], { cwd: root });
    expect(files(committed)).toEqual(files(fresh));
    for (const file of files(fresh)) {
      expect(readFileSync(join(committed, file), 'utf8'), `${file} is stale: run npm run gen`).toBe(
        readFileSync(join(fresh, file), 'utf8'),
      );
    }
  }, 120_000);

  it('says in its first line which spec it comes from and not to edit it', () => {
    for (const file of files(committed)) {
      const first = readFileSync(join(committed, file), 'utf8').split('\n')[0];
      expect(first, file).toMatch(
        /^\/\/ Generated from spec\/[\w.-]+( and spec\/[\w.-]+)* by scripts\/gen-[\w-]+\.mjs; do not edit: run `npm run gen`\.$/,
      );
    }
  });

  it('is the only place a generated header appears in src/', () => {
    const stray: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (path !== committed) walk(path);
        } else if (/^\/\/ Generated\b/i.test(readFileSync(path, 'utf8'))) stray.push(path);
      }
    };
    walk(join(root, 'src'));
    expect(stray).toEqual([]);
  });
});
