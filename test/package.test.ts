// The package as users get it: `npm pack`, installed from the tarball into an empty project
// (offline, from the npm cache `npm ci` filled), without the optional peer ioredis. That project
// imports and requires it, bundles an app with esbuild, and type-checks against undici 7 and 8.
// Uses dist/ (`npm run build`, which `npm test` runs first).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runChild, runNode } from './helpers/runChild.js';

const TIMEOUT_MS = 60_000;
const dir = mkdtempSync(join(tmpdir(), 'zim-package-'));
const app = join(dir, 'app');
const installed = join(app, 'node_modules');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The version of a devDependency as installed here, so the consumer's install is found in the cache. */
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;

async function run(command: string, args: readonly string[], cwd = app): Promise<string> {
  const result =
    command === 'node'
      ? await runNode(args, { timeoutMs: TIMEOUT_MS, cwd })
      : await runChild(command, args, { timeoutMs: TIMEOUT_MS, cwd });
  if (result.code !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}

/** A call through the client against the mock, both from the package: prints the Code and the arrivals. */
const APP = `import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';
const server = await startMockZimServer();
const base = { appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url };
const client = createZimClient(base);
const { Code } = await client.call('QueryUserInfos', { UserIds: ['a'] });
await client.close();
const clustered = createZimClient({ ...base, redis: 'redis://127.0.0.1:1' });
const error = await clustered.call('QueryUserInfos', { UserIds: ['a'] }).catch((e) => e);
await clustered.close();
console.log(JSON.stringify({ Code, arrivals: server.stats().QueryUserInfos.arrivals, redisError: error.message }));
await server.close();
`;

/** The interceptor composed with undici's Agent, and the other doors, as a TypeScript user writes them. */
const consumer = (undici: string) => `import { Agent, fetch, request } from '${undici}';
import { createZimClient, resilientFetch, zimInterceptor, type ZimInterceptor } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const interceptor: ZimInterceptor = zimInterceptor({ appId: 1, serverSecret: 's'.repeat(32) });
const agent = new Agent().compose(interceptor);
const composed = new Agent().compose([zimInterceptor(), zimInterceptor({ retry: { maxAttempts: 2 } })]);
export async function use(): Promise<number> {
  const res = await request('https://zim-api.zego.im/?Action=QueryUserInfos', { dispatcher: agent });
  const viaFetch = await fetch('https://zim-api.zego.im/?Action=QueryUserInfos', { dispatcher: composed });
  const client = createZimClient({ appId: 1, serverSecret: 's'.repeat(32) });
  const answer = await client.call('QueryUserInfos', { UserIds: ['a'] });
  const zimFetch = resilientFetch(globalThis.fetch, { appId: 1, serverSecret: 's'.repeat(32) });
  const server = await startMockZimServer();
  await server.close();
  // @ts-expect-error the types are real: a wrong option is refused
  zimInterceptor({ appId: 'one' });
  return res.statusCode + viaFetch.status + answer.Code + (await zimFetch('https://x/')).status;
}
`;

let tarball = '';
beforeAll(async () => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run npm run build first');
  // --ignore-scripts: dist/ is already built (prepack would build it again)
  const packed = JSON.parse(
    await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root),
  ) as { filename: string }[];
  tarball = join(dir, packed[0]!.filename);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  await run(npm, [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    '--loglevel=error',
    join(dir, packed[0]!.filename),
    `undici8@npm:undici@${versionOf('undici8')}`,
    `@types/node@${versionOf('@types/node')}`,
  ]);
}, TIMEOUT_MS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed tarball, installed into an empty project', () => {
  it(
    'installs beside ioredis 6, and beside redis (node-redis) 5, with a plain npm install (no peer conflict)',
    async () => {
      for (const peer of [`ioredis@${versionOf('ioredis6')}`, `redis@${versionOf('redis')}`]) {
        const beside = join(dir, peer.split('@')[0]!);
        mkdirSync(beside);
        writeFileSync(
          join(beside, 'package.json'),
          JSON.stringify({ name: 'beside', private: true, type: 'module' }),
        );
        await run(
          npm,
          [
            'install',
            '--prefer-offline',
            '--no-audit',
            '--no-fund',
            '--ignore-scripts',
            '--loglevel=error',
            tarball,
            peer,
          ],
          beside,
        );
        expect(existsSync(join(beside, 'node_modules', 'zim-resilience', 'package.json')), peer).toBe(true);
      }
    },
    TIMEOUT_MS,
  );

  it('installs lean: undici only (no p-retry, no ajv, no ioredis), with the LICENSE', async () => {
    const tree = JSON.parse(await run(npm, ['ls', '--omit=dev', '--all', '--json'])) as {
      dependencies: { 'zim-resilience': { dependencies?: Record<string, { dependencies?: object }> } };
    };
    const names: string[] = [];
    const walk = (deps: Record<string, { dependencies?: object; version?: string }> = {}) => {
      for (const [name, dep] of Object.entries(deps)) {
        if (dep.version === undefined) continue; // an optional peer not installed (ioredis)
        names.push(name);
        walk(dep.dependencies as never);
      }
    };
    walk(tree.dependencies['zim-resilience'].dependencies as never);
    expect(names.sort()).toEqual(['undici']);
    expect(readdirSync(installed)).not.toContain('ajv');
    expect(readdirSync(installed)).not.toContain('ioredis');
    expect(readFileSync(join(installed, 'zim-resilience/LICENSE'), 'utf8')).toMatch(/^MIT License/);
    const pkg = JSON.parse(readFileSync(join(installed, 'zim-resilience/package.json'), 'utf8'));
    expect(pkg.license).toBe('MIT');
    // no file of the package reaches for ajv at run time
    const generated = join(installed, 'zim-resilience/dist/generated');
    for (const file of readdirSync(generated).filter((f) => f.endsWith('Validators.js')))
      expect(readFileSync(join(generated, file), 'utf8'), file).not.toMatch(/\bimport\b[^;]*from|require\(/);
  });

  it('imports and requires (engines: the Node versions whose require() loads ES modules)', async () => {
    const { engines } = JSON.parse(readFileSync(join(installed, 'zim-resilience/package.json'), 'utf8'));
    // require(esm) is on by default from Node 20.19 and 22.12
    const [major = 0, minor = 0] = /^>=(\d+)\.(\d+)\.\d+$/.exec(engines.node)!.slice(1).map(Number);
    expect(major > 20 || (major === 20 && minor >= 19), engines.node).toBe(true);
    const out = await run('node', [
      '--input-type=commonjs',
      '-e',
      `const zim = require('zim-resilience'); const mock = require('zim-resilience/mock');
       console.log(typeof zim.createZimClient, typeof zim.zimInterceptor, typeof mock.startMockZimServer)`,
    ]);
    expect(out.trim()).toBe('function function function');
    writeFileSync(join(app, 'app.mjs'), APP);
    const seen = JSON.parse(await run('node', ['app.mjs']));
    expect(seen).toMatchObject({
      Code: 0,
      arrivals: 1,
      redisError: expect.stringMatching(/npm install ioredis/),
    });
  });

  it('bundles with esbuild (ioredis not installed) and the bundle runs on its own', async () => {
    const esbuild = await import('esbuild');
    writeFileSync(join(app, 'app.mjs'), APP);
    const result = await esbuild.build({
      absWorkingDir: app,
      entryPoints: ['app.mjs'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: join(dir, 'bundle/app.mjs'),
      logLevel: 'silent',
      // undici is CommonJS: an ESM bundle gives it a require (esbuild's usual recipe)
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    expect(result.errors).toEqual([]);
    // run where no node_modules can be found: everything it needs is in the bundle
    const seen = JSON.parse(await run('node', ['app.mjs'], join(dir, 'bundle')));
    expect(seen).toMatchObject({
      Code: 0,
      arrivals: 1,
      redisError: expect.stringMatching(/npm install ioredis/),
    });
  });

  it('type-checks a consumer against undici 7 and against undici 8, without ioredis and with skipLibCheck off', async () => {
    writeFileSync(join(app, 'undici7.ts'), consumer('undici'));
    writeFileSync(join(app, 'undici8.ts'), consumer('undici8'));
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: ['node'],
          skipLibCheck: false,
          noEmit: true,
        },
        files: ['undici7.ts', 'undici8.ts'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = await runNode([tsc, '-p', 'tsconfig.json'], { timeoutMs: TIMEOUT_MS, cwd: app });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
