import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from '../demo/args.js';
import * as api from '../src/index.js';
import { createZimClient, ZIM_CODES, ZimError } from '../src/index.js';
import { codeBlocks, includedText, slugsOf } from './helpers/markdown.js';
import { root, runChild, runNode } from './helpers/runChild.js';

// README.md must not claim what does not work, and must stay short: at most 35,000 bytes, every
// TypeScript block an example file (or a `// #region` of one) copied verbatim by `npm run docs` and
// run by test/examples.test.ts, every shell command checked here. docs/ is checked by test/docs.test.ts.

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  engines: { node: string };
  scripts: Record<string, string>;
  bin: Record<string, string>;
  files: string[];
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
  keywords: string[];
};

/** Each shell command the README shows, and how this test makes sure it works. */
const COMMANDS: readonly {
  readonly pattern: RegExp;
  readonly check: (m: RegExpExecArray) => Promise<void>;
}[] = [
  {
    pattern: /^npm install$/,
    check: async () => {
      // No install-time script: npm 11 warns a consumer about `prepare` (tarball and git installs).
      // dist/ is built by `prepack` for the package, and before `npm test` / `npm run demo` here.
      for (const script of ['preinstall', 'install', 'postinstall', 'prepare'])
        expect(pkg.scripts[script], script).toBeUndefined();
      expect(pkg.scripts['prepack']).toBe('npm run build');
    },
  },
  {
    pattern: /^npm test$/,
    check: async () => {
      // The examples import the package from dist/ (its self-reference): a fresh clone builds it first.
      expect(pkg.scripts['pretest']).toBe('npm run build');
      expect(pkg.scripts['test']).toMatch(/vitest run/);
    },
  },
  {
    pattern: /^npm run demo$/,
    check: async () => {
      // Run for real by test/examples.test.ts, with a small workload.
      expect(pkg.scripts['demo']).toMatch(/demo\/demo\.ts/);
    },
  },
  {
    pattern: /^npx zim-resilience-mock (.*)$/,
    check: async (m) => {
      expect(pkg.bin['zim-resilience-mock']).toBe('./dist/mock/cli.js');
      // The same flags against the CLI's source, on a free port instead of 8080.
      const args = m[1]!.replace(/--port \d+/, '--port 0').split(' ');
      let url: string | undefined;
      let answer: Promise<unknown> | undefined;
      const run = await runNode(['--import', 'tsx', 'src/mock/cli.ts', ...args], {
        timeoutMs: 30_000,
        onStdout: (out, kill) => {
          if (url !== undefined || !out.includes('\n')) return;
          url = out.split('\n')[0]!;
          answer = fetch(`${url}/?Action=QueryAppGroupList`)
            .then((res) => res.json())
            .finally(kill);
        },
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // An unsigned call: refused, in ZIM's JSON.
      expect(await answer).toMatchObject({ Code: expect.any(Number) });
      expect(run.stdout).toMatch(/Stopping \(SIGTERM\)/);
      expect(run.code).toBe(0);
    },
  },
];

describe('README.md', () => {
  it('is at most 35,000 bytes', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(35_000);
  });

  it('shows no code that is not an example file or a command checked here', () => {
    const unchecked = codeBlocks(readme)
      .filter((b) => b.include === undefined)
      .flatMap((b) =>
        b.lang === 'sh'
          ? b.body.split('\n').filter((cmd) => !COMMANDS.some((c) => c.pattern.test(cmd)))
          : [`line ${b.line}: a ${b.lang || 'plain'} block`],
      );
    expect(unchecked).toEqual([]);
  });

  it('copies its examples verbatim, from files test/examples.test.ts runs', () => {
    const included = codeBlocks(readme).filter((b) => b.include !== undefined);
    expect(included.map((b) => b.include)).toContain('examples/client.ts');
    for (const block of included) {
      expect(block.body, block.include).toBe(includedText(root, block.include!));
      expect(block.include).toMatch(/^examples\/(readme\/)?[\w-]+\.ts(#[\w-]+)?$/);
    }
  });

  it('shows commands that work', async () => {
    const commands = codeBlocks(readme)
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => b.body.split('\n'));
    expect(commands).toEqual(expect.arrayContaining(['npm install', 'npm test', 'npm run demo']));
    for (const command of new Set(commands)) {
      const known = COMMANDS.find((c) => c.pattern.test(command))!;
      await known.check(known.pattern.exec(command)!);
    }
  });

  it('says how long the two commands take here', () => {
    expect(readme).toMatch(/`npm install` \d+ to \d+ s/);
    expect(readme).toMatch(/`npm test` \d+ to \d+ s/);
    expect(readme).toMatch(/`npm run demo` \d+ to \d+ s/);
  });

  it('names the package, the Node.js version, the demo flags and the code count as they are', () => {
    expect(readme).toContain(`\`npm install ${pkg.name}\``);
    expect(readme).toContain(`Node.js ${pkg.engines.node.replace('>=', '>= ')}`);
    expect(readme.replace(/\s+/g, ' ')).toContain(`All ${ZIM_CODES.length} documented codes`);
    expect(parseDemoArgs(['--help'])).toBe('help');
    for (const flag of readme.match(/npm run demo -- ([^`]+)`/g) ?? []) {
      expect(() => parseDemoArgs(flag.replace(/^npm run demo -- |`$/g, '').split(' '))).not.toThrow();
    }
  });

  it('names every event and every error class there is', () => {
    const section = (name: string) =>
      new RegExp(`^## ${name}\\n([\\s\\S]*?)^## `, 'm').exec(readme)?.[1] ?? '';
    const events = [
      ...readFileSync(join(root, 'docs/reference/events.md'), 'utf8').matchAll(/^## `(\w+)`$/gm),
    ];
    expect(events.length).toBeGreaterThan(8);
    for (const [, event] of events) expect(section('Events'), event).toContain(`\`${event}\``);
    const errors = Object.entries(api)
      .filter(([, v]) => typeof v === 'function' && v.prototype instanceof ZimError)
      .map(([name]) => name);
    expect(errors.length).toBeGreaterThan(4);
    for (const name of errors) expect(section('Errors'), name).toContain(`\`${name}\``);
  });

  it('quotes the validation message the client really throws', () => {
    const quoted = /e\.g\. `(expected retry\.maxDelayMs [^`]+)`/.exec(readme)?.[1];
    expect(quoted).toBeDefined();
    expect(() => createZimClient({ appId: 1, serverSecret: 's', retry: { maxDelayMs: -1 } })).toThrow(
      quoted!,
    );
  });

  it('links only to files and sections that exist, the docs/ reference among them', () => {
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    for (const target of links) {
      if (/^https?:/.test(target)) continue;
      const [file, anchor] = target.split('#');
      // docs/api/ is TypeDoc's output, written by `npm run docs` on demand and not committed.
      if (file?.startsWith('docs/api/')) continue;
      if (file) expect(existsSync(join(root, file)), target).toBe(true);
      if (anchor) {
        const text = file ? readFileSync(join(root, file), 'utf8') : readme;
        expect(slugsOf(text), target).toContain(anchor);
      }
    }
    for (const page of ['codes', 'actions', 'options', 'events', 'errors'])
      expect(links).toContain(`docs/reference/${page}.md`);
  });

  it('has a table of contents that lists every section', () => {
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]!).filter((h) => h !== 'Contents');
    const toc = /^## Contents\n([\s\S]*?)\n## /m.exec(readme)?.[1] ?? '';
    for (const section of sections.filter((h) => h !== 'License')) {
      expect(toc, section).toContain(`](#${slugsOf(`## ${section}`)[0]})`);
    }
  });

  it('keeps the sections a newcomer looks for, in the order of issue 14', () => {
    const headings = [...readme.matchAll(/^##+ (.+)$/gm)].map((m) => m[1]);
    const wanted = [
      'Contents',
      'Why',
      'Install',
      'Try it',
      'A realistic example',
      'Three doors',
      'Requests that pass through',
      'Four categories, four remedies',
      'Limits',
      'Errors',
      'Events',
      'The mock server',
      'Many processes (Redis)',
      'FAQ',
      'How fast is it?',
      'Reference',
    ];
    const positions = wanted.map((h) => headings.indexOf(h));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(headings),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('package.json', () => {
  it('says where the project lives', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs.url).toMatch(/^https:\/\//);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['zegocloud', 'zim', 'retry', 'rate limit']));
  });

  it('ships no source map whose sources it does not ship', async () => {
    const run = await runChild('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']);
    expect(run.code, run.stderr).toBe(0);
    const files = new Set(
      (JSON.parse(run.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path),
    );
    expect(files).toContain('dist/index.js');
    for (const map of [...files].filter((f) => f.endsWith('.map'))) {
      const { sources } = JSON.parse(readFileSync(join(root, map), 'utf8')) as { sources: string[] };
      for (const source of sources) expect(files, `${map} -> ${source}`).toContain(join(map, '..', source));
    }
  });
});
