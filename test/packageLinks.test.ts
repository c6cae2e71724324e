// Docs that travel with the package (issue 33): every link of the README and of the docs it
// ships must work where users read them, in node_modules (offline, at the installed version)
// and on a registry page. The decision: the package ships what its Markdown links to (docs/,
// examples/, the two spec files and the bench's two reports, listed in package.json `files`),
// and the links stay relative, so they resolve in node_modules, on GitHub, on the CDNs that serve
// a package's files at its version (unpkg, jsDelivr), and on npmjs.com (which points relative
// links at the repository). A file that is not shipped (a test, a source file) is linked as a
// versioned copy on GitHub: `blob/v<version>/<path>`, the path checked against this clone.
// This test packs the package, unpacks it and resolves every link of every Markdown file in it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugsOf } from './helpers/markdown.js';
import { root, runChild } from './helpers/runChild.js';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  repository: { url: string };
};
/** `https://github.com/OWNER/NAME/blob/` of this repository. */
const BLOB = `${pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/`;
const dir = mkdtempSync(join(tmpdir(), 'zim-links-'));
const unpacked = join(dir, 'package');

/** Every file under `at`, as paths relative to it. */
function filesUnder(at: string): string[] {
  return readdirSync(at, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(at, f)).isFile());
}

/** The links of a Markdown text outside its code blocks: `[text](target)`. */
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  // --ignore-scripts: dist/ is whatever `npm run build` made; only the Markdown is read here.
  const packed = await runChild('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    timeoutMs: 60_000,
  });
  expect(packed.code, packed.stderr).toBe(0);
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  const untar = await runChild('tar', ['-xzf', join(dir, filename), '-C', dir], { timeoutMs: 60_000 });
  expect(untar.code, untar.stderr).toBe(0);
}, 90_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed tarball, unpacked', () => {
  it('ships the README, the CHANGELOG and the docs the README links to', () => {
    const files = filesUnder(unpacked);
    for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE', 'docs/mock.md', 'docs/reference/options.md'])
      expect(files, file).toContain(file);
    expect(files.filter((f) => f.startsWith('docs/api/'))).toEqual([]); // TypeDoc's, not shipped
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it('resolves every link of every Markdown file in it, anchors too', () => {
    const markdown = filesUnder(unpacked).filter((f) => f.endsWith('.md'));
    expect(markdown.length).toBeGreaterThan(10);
    const broken: string[] = [];
    let checked = 0;
    for (const file of markdown) {
      const text = readFileSync(join(unpacked, file), 'utf8');
      for (const link of linksOf(text)) {
        const [target = '', anchor] = link.split('#');
        if (link.startsWith(BLOB)) {
          // a versioned copy: pinned to this version's tag, and a file of the repository
          const [ref, ...path] = link.slice(BLOB.length).split('#')[0]!.split('/');
          if (ref !== `v${pkg.version}`) broken.push(`${file}: ${link} is not pinned to v${pkg.version}`);
          else if (!existsSync(join(root, ...path)))
            broken.push(`${file}: ${link} names no file of the repository`);
          checked++;
          continue;
        }
        if (/^[a-z]+:/i.test(target)) continue; // another site, or mailto:
        checked++;
        const at = target === '' ? join(unpacked, file) : resolve(dirname(join(unpacked, file)), target);
        if (relative(unpacked, at).startsWith('..')) broken.push(`${file}: ${link} leaves the package`);
        else if (!existsSync(at)) broken.push(`${file}: ${link} is not in the package`);
        else if (anchor && !slugsOf(readFileSync(at, 'utf8')).includes(anchor))
          broken.push(`${file}: ${link} has no such heading`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(49); // the README alone had 49 relative links
  });
});
