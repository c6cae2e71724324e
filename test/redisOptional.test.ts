// ioredis is an optional peer dependency: loaded only when `redis` is set, with a clear error
// when it is missing. Run in a real process where a module hook hides ioredis.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('without ioredis installed: a client without redis works, one with redis fails naming the package', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--import', './test/fixtures/withoutIoredis.mjs', 'test/fixtures/noIoredisWorker.ts'],
    { timeout: 30_000 },
  );
  const seen = JSON.parse(stdout.trim().split('\n').at(-1)!);
  expect(seen.hidden).toBe(true); // the hook really hides it
  expect(seen.plainCode).toBe(0);
  expect(seen.name).toBe('ZimError');
  expect(seen.message).toMatch(/ioredis package.*npm install ioredis/);
  expect(seen.cause).toMatch(/Cannot find package 'ioredis'/);
}, 40_000);

it('ioredis is an optional peer dependency, not a dependency', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, unknown>>;
  expect(pkg['dependencies']?.['ioredis']).toBeUndefined();
  expect(pkg['peerDependencies']?.['ioredis']).toBeDefined();
  expect(pkg['peerDependenciesMeta']?.['ioredis']).toEqual({ optional: true });
});
