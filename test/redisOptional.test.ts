// ioredis is an optional peer dependency: loaded only when `redis` is set, with a clear error
// when it is missing. Run in a real process where a module hook hides ioredis.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { createZimClient } from '../src/index.js';

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

it('redis.connectTimeoutMs is checked up front: a TypeError naming it and echoing the value', () => {
  for (const bad of [-1, 0, Number.POSITIVE_INFINITY, '3000'])
    expect(() =>
      createZimClient({
        appId: 1,
        serverSecret: 'x'.repeat(32),
        redis: { url: 'redis://127.0.0.1:1', connectTimeoutMs: bad as number },
      }),
    ).toThrow(
      new TypeError(
        `expected redis.connectTimeoutMs to be a positive finite number, got ${JSON.stringify(bad)}`,
      ),
    );
});

it('the cluster code reaches into no private field of another library (Bottleneck is not used there at all)', () => {
  const dir = 'src/cluster';
  for (const file of readdirSync(dir)) {
    const source = readFileSync(`${dir}/${file}`, 'utf8');
    expect(source, file).not.toMatch(/bottleneck|_store|runScript/i);
  }
});
