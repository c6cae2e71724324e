// docs/ecosystem.md says what is tested: every file it points at exists, and every version it
// names is the one installed (so the table cannot drift from the lockfile).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/runChild.js';

const page = readFileSync(join(root, 'docs/ecosystem.md'), 'utf8');
const rows = page.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| What'));
const installed = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;

describe('docs/ecosystem.md', () => {
  it('points only at files that exist', () => {
    const links = [
      ...page.matchAll(
        /\]\((?:\.\.\/|https:\/\/github\.com\/zim-resilience\/zim-resilience\/blob\/v[\d.]+\/)([^)#]+)\)/g,
      ),
    ].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(15);
    for (const link of links) expect(existsSync(join(root, link)), link).toBe(true);
  });

  it.each([
    ['undici 7', 'undici'],
    ['undici 8', 'undici8'],
    ['ioredis 5', 'ioredis'],
    ['@opentelemetry/api 1.9', '@opentelemetry/api'],
    ['@opentelemetry/api 1.10', 'otel-api-1-10'],
    ['express', 'express'],
    ['fastify', 'fastify'],
    ['Hono', 'hono'],
    ['ky', 'ky'],
    ['axios', 'axios'],
    ['openapi-fetch', 'openapi-fetch'],
  ])('the %s row names the version installed', (what, name) => {
    const row = rows.find((r) => r.startsWith(`| ${what} `));
    expect(row, what).toBeDefined();
    expect(row!.split('|')[2]).toContain(installed(name));
  });
});
