import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;

describe('the mock server’s copy of the API documents', () => {
  it('is what scripts/gen-mock-schemas.mjs makes of spec/zim-api.json (schemas, codes, compiled validators)', async () => {
    const result = await run(process.execPath, ['scripts/gen-mock-schemas.mjs', '--check'], {
      cwd: root,
    }).then(
      () => 'up to date',
      (error: { stderr?: string }) => error.stderr ?? String(error),
    );
    expect(result).toBe('up to date');
  });
});
