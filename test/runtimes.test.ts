import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRedis, RedisServer } from './helpers/redisServer.js';
import { runChild } from './helpers/runChild.js';

// test/runtimes/smoke.mjs (the built package: client, resilientFetch, the mock's CLI, a Redis-shared
// limit, counted at the mock) under this Node, and under Bun and Deno where they are installed.
// .ci/run runs it under both (from the npm registry, at the versions of docs/runtimes.md) in any case.

/** A runtime's binary: `ZIM_SMOKE_BUN` / `ZIM_SMOKE_DENO`, else `bun` / `deno` on the PATH, else undefined. */
function binary(name: 'bun' | 'deno'): string | undefined {
  const command = process.env[`ZIM_SMOKE_${name.toUpperCase()}`] || name;
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return command;
  } catch {
    return undefined;
  }
}

const RUNTIMES = [
  { name: 'Node', command: process.execPath, args: [] as string[] },
  { name: 'Bun', command: binary('bun'), args: [] as string[] },
  { name: 'Deno', command: binary('deno'), args: ['run', '-A'] },
];
for (const r of RUNTIMES) {
  if (!r.command) {
    console.warn(
      `\n*** ${r.name} not found (neither ZIM_SMOKE_${r.name.toUpperCase()} nor ${r.name.toLowerCase()} on the PATH): its smoke run is SKIPPED here; .ci/run runs it ***\n`,
    );
  }
}

let redis: RedisServer | undefined;
beforeAll(async () => {
  if (hasRedis) redis = await RedisServer.start();
});
afterAll(async () => {
  await redis?.stop();
});

describe.skipIf(!hasRedis)('test/runtimes/smoke.mjs', () => {
  for (const { name, command, args } of RUNTIMES) {
    it.skipIf(!command)(
      `passes under ${name}`,
      async () => {
        const run = await runChild(command!, [...args, 'test/runtimes/smoke.mjs'], {
          timeoutMs: 120_000,
          env: { REDIS_URL: redis!.url },
        });
        expect(run.stdout, run.stderr).toMatch(/: all passed\n$/);
        expect(run.stdout).not.toMatch(/^FAIL/m);
        expect(run.code).toBe(0);
      },
      130_000,
    );
  }
});
