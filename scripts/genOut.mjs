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

/**
 * `text` with `@public` in the JSDoc of every top-level `export` (a comment made if there is none):
 * what the generated files export is public API, and the API report (etc/*.api.md) wants it said.
 */
export function tagPublic(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!/^export (const|type|interface|function|class) /.test(line)) {
      out.push(line);
      continue;
    }
    const prev = out[out.length - 1] ?? '';
    if (/^\/\*\*.*\*\/$/.test(prev)) {
      out[out.length - 1] =
        `/**\n * ${prev.replace(/^\/\*\*\s*/, '').replace(/\s*\*\/$/, '')}\n *\n * @public\n */`;
    } else if (prev === ' */') {
      out.splice(out.length - 1, 0, ' *', ' * @public');
    } else {
      out.push('/** @public */');
    }
    out.push(line);
  }
  return out.join('\n');
}
