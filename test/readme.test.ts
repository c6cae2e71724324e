import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from '../demo/args.js';
import { createZimClient } from '../src/index.js';

// README.md must not claim what does not work: its generated parts are current, every TypeScript
// block is an example file copied verbatim (and run by test/examples.test.ts), and every shell
// command is checked here.

const root = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  engines: { node: string };
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

interface Block {
  readonly lang: string;
  readonly body: string;
  /** The file it is a copy of, when it sits between include markers. */
  readonly include: string | undefined;
  readonly line: number;
}

/** The fenced code blocks of the README, each with the include region it sits in, if any. */
function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let include: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^<!-- include:(.+):(start|end) -->$/.exec(line);
    if (marker) include = marker[2] === 'start' ? marker[1] : undefined;
    const fence = /^```(\w*)$/.exec(line);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    while (++i < lines.length && lines[i] !== '```') body.push(lines[i]!);
    blocks.push({ lang: fence[1] ?? '', body: body.join('\n'), include, line: start + 1 });
  }
  return blocks;
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function node(args: readonly string[], onStdout?: (text: string, kill: () => void) => void): Promise<Run> {
  return new Promise((done, fail) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    for (const key of Object.keys(env))
      if (key.startsWith('VITEST') || key === 'NODE_OPTIONS') delete env[key];
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      onStdout?.(stdout, () => child.kill('SIGTERM'));
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** Each shell command the README shows, and how this test makes sure it works. */
const COMMANDS: readonly {
  readonly pattern: RegExp;
  readonly check: (m: RegExpExecArray) => Promise<void>;
}[] = [
  {
    pattern: /^npm install$/,
    check: async () => {
      // `prepare` builds dist/, which the examples and the bin need.
      expect(pkg.scripts['prepare']).toBe('npm run build');
    },
  },
  {
    pattern: /^npm test$/,
    check: async () => {
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
      const run = await node(['--import', 'tsx', 'src/mock/cli.ts', ...args], (out, kill) => {
        if (url !== undefined || !out.includes('\n')) return;
        url = out.split('\n')[0]!;
        answer = fetch(`${url}/?Action=QueryAppGroupList`)
          .then((res) => res.json())
          .finally(kill);
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
  it('has its generated parts and copied examples up to date (node --import tsx scripts/gen-readme.mjs)', async () => {
    const run = await node(['--import', 'tsx', 'scripts/gen-readme.mjs', '--check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
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

  it('includes the realistic example, examples/client.ts, verbatim', () => {
    const blocks = codeBlocks(readme).filter((b) => b.include !== undefined);
    const client = blocks.find((b) => b.include === 'examples/client.ts');
    expect(client?.body).toBe(readFileSync(join(root, 'examples/client.ts'), 'utf8').trimEnd());
    for (const block of blocks) expect(existsSync(join(root, block.include!)), block.include).toBe(true);
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

  it('names the package, the Node.js version and the demo flags as they are', () => {
    expect(readme).toContain(`\`npm install ${pkg.name}\``);
    expect(readme).toContain(`Node.js ${pkg.engines.node.replace('>=', '>= ')}`);
    expect(parseDemoArgs(['--help'])).toBe('help');
    for (const flag of readme.match(/npm run demo -- ([^`]+)`/g) ?? []) {
      expect(() => parseDemoArgs(flag.replace(/^npm run demo -- |`$/g, '').split(' '))).not.toThrow();
    }
  });

  it('quotes the validation message the client really throws', () => {
    const quoted = /e\.g\. `(expected retry\.maxDelayMs [^`]+)`/.exec(readme)?.[1];
    expect(quoted).toBeDefined();
    expect(() => createZimClient({ appId: 1, serverSecret: 's', retry: { maxDelayMs: -1 } })).toThrow(
      quoted!,
    );
  });

  it('links only to files and sections that exist', () => {
    const anchors = new Set(
      [...readme.matchAll(/^#+ (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    for (const [, target] of readme.matchAll(/\]\(([^)]+)\)/g)) {
      if (/^https?:/.test(target!)) continue;
      if (target!.startsWith('#')) expect(anchors, target).toContain(target!.slice(1));
      else expect(existsSync(join(root, target!)), target).toBe(true);
    }
  });

  it('keeps the sections a newcomer looks for, in order', () => {
    const headings = [...readme.matchAll(/^##+ (.+)$/gm)].map((m) => m[1]);
    const wanted = [
      'Why',
      'Install',
      'Try it',
      'A realistic example',
      'Four categories, four remedies',
      'Three doors',
      'Composing your own chain',
      'Options',
      'Errors',
      'Events',
      'Limits',
      'The mock server',
      'FAQ',
      'Many processes (Redis)',
      'Callbacks',
    ];
    const positions = wanted.map((h) => headings.indexOf(h));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(headings),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
