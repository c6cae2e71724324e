// ioredis is an optional peer dependency: loaded only when `redis` is set, with a clear error
// when it is missing. Run in a real process where a module hook hides ioredis.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { createZimClient } from '../src/index.js';

it('without ioredis or redis installed: a client without redis works, one with a redis URL fails naming the packages', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--import', './test/fixtures/withoutIoredis.mjs', 'test/fixtures/noIoredisWorker.ts'],
    { timeout: 30_000 },
  );
  const seen = JSON.parse(stdout.trim().split('\n').at(-1)!);
  expect(seen.hidden).toBe(true); // the hook really hides it
  expect(seen.plainCode).toBe(0);
  expect(seen.name).toBe('ZimError');
  expect(seen.message).toMatch(/ioredis or the redis package.*npm install ioredis/);
  expect(seen.cause).toMatch(/Cannot find package 'ioredis'/);
}, 40_000);

it('ioredis (5 or 6) and redis (4 or 5) are optional peer dependencies, not dependencies', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, unknown>>;
  for (const name of ['ioredis', 'redis']) {
    expect(pkg['dependencies']?.[name]).toBeUndefined();
    expect(pkg['peerDependenciesMeta']?.[name]).toEqual({ optional: true });
  }
  expect(pkg['peerDependencies']?.['ioredis']).toBe('^5.0.0 || ^6.0.0');
  expect(pkg['peerDependencies']?.['redis']).toBe('^4.0.0 || ^5.0.0');
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
