// Which secret the callback receiver takes (issue 33): the docs' options table, the JSDoc, the
// generated options page and every example name one console field, the project's ServerSecret.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/runChild.js';

const read = (file: string) => readFileSync(join(root, file), 'utf8');
const examples = readdirSync(join(root, 'examples'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `examples/${f}`);

describe('callbackSecret, named one way everywhere', () => {
  it('every example and doc gives it as the ServerSecret of your project', () => {
    const files = [...examples, 'docs/callbacks.md', 'docs/mock.md', 'README.md'];
    const given = files.flatMap((file) =>
      [...read(file).matchAll(/callbackSecret = '([^']*)'/g)].map((m) => `${file}: ${m[1]}`),
    );
    expect(given.length).toBeGreaterThanOrEqual(6);
    expect(given.filter((g) => !g.endsWith(': the ServerSecret of your project'))).toEqual([]);
    for (const file of files) expect(read(file), file).not.toMatch(/the CallbackSecret of/);
  });

  it('the JSDoc, the options table and the reference say which console field, and why two names', () => {
    const jsdoc = /\/\*\*([\s\S]*?)\*\/\s*readonly callbackSecret: string;/.exec(
      read('src/callbacks/CallbackReceiverOptions.ts'),
    )?.[1];
    expect(jsdoc).toMatch(/ServerSecret of your project/);
    expect(jsdoc).toMatch(/Basic Configurations/);
    expect(jsdoc).toMatch(/callbacksecret/);
    const doc = read('docs/callbacks.md');
    expect(doc).toMatch(/^\| `callbackSecret` +\| \(required\) +\| the ServerSecret of your project/m);
    const why = /^## Which secret: the ServerSecret\n([\s\S]*?)\n## /m.exec(doc)?.[1] ?? '';
    expect(why).toMatch(/Basic Configurations/);
    expect(why).toMatch(/`callbacksecret`/);
    expect(why).toMatch(/serverSecret/);
    expect(read('docs/reference/options.md')).toMatch(/^\| `callbackSecret` .*ServerSecret/m); // the mock's option
  });
});
