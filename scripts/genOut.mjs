// Where `npm run gen` writes: src/generated/, or the directory after `--out` (the drift test,
// test/generated.test.ts, regenerates into a temporary directory and compares).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The URL of generated file `name`: in src/generated/, or in the `--out` directory if given. */
export function genOut(name) {
  const at = process.argv.indexOf('--out');
  const dir =
    at >= 0 && process.argv[at + 1]
      ? pathToFileURL(`${resolve(process.argv[at + 1])}/`)
      : new URL('../src/generated/', import.meta.url);
  return new URL(name, dir);
}

/** The first line of every generated file. */
export function genHeader(specs, script) {
  return `// Generated from ${specs.join(' and ')} by scripts/${script}; do not edit: run \`npm run gen\`.`;
}
