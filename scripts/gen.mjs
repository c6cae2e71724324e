// `npm run gen`: every generator, one after the other, into src/generated/ (or `--out DIR`).
// test/generated.test.ts runs this with `--out` into a temporary directory and fails on drift.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const GENERATORS = [
  'gen-codes.mjs',
  'gen-actions.mjs',
  'gen-types.mjs',
  'gen-mock-schemas.mjs',
  'gen-jobs.mjs',
  'gen-callbacks.mjs',
];
const args = process.argv.slice(2);
for (const script of GENERATORS) {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
