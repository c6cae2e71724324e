// Telemetry against @opentelemetry/api 1.10 (issue 31's compatibility table; 1.9, the
// devDependency, is what test/telemetry.test.ts and test/traceContext.test.ts run). The built
// package (dist/) is copied into an empty project whose `@opentelemetry/api` is 1.10 (the
// `otel-api-1-10` alias); the SDK beside it keeps its own. One call through the client, busy once:
// its spans are exported and the mock saw a `traceparent` naming each attempt span.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runNode } from './helpers/runChild.js';

const dir = mkdtempSync(join(tmpdir(), 'zim-otel-api-'));
const modules = join(dir, 'node_modules');

const APP = `import { createRequire } from 'node:module';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const exporter = new InMemorySpanExporter();
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
propagation.setGlobalPropagator(new W3CTraceContextPropagator());

const server = await startMockZimServer();
server.script('QueryUserInfos', [{ code: 1 }]);
const zim = createZimClient({ appId: server.appId, serverSecret: server.serverSecret, baseUrl: server.url, retry: { minDelayMs: 1, maxDelayMs: 2 } });
const { Code } = await zim.call('QueryUserInfos', { UserIds: ['a'] });
await zim.close();
const spans = exporter.getFinishedSpans();
const apiOfPackage = createRequire(createRequire(import.meta.url).resolve('zim-resilience')).resolve('@opentelemetry/api');
console.log(JSON.stringify({
  Code,
  apiOfPackage,
  calls: spans.filter((s) => s.name === 'zim.call QueryUserInfos').length,
  attemptSpanIds: spans.filter((s) => s.kind === 2).map((s) => s.spanContext().spanId),
  traceparents: server.stats().QueryUserInfos.traceparents,
}));
await server.close();
`;

beforeAll(() => {
  const pkg = join(modules, 'zim-resilience');
  mkdirSync(pkg, { recursive: true });
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
  cpSync(join(root, 'dist'), join(pkg, 'dist'), { recursive: true });
  mkdirSync(join(modules, '@opentelemetry'));
  symlinkSync(join(root, 'node_modules/otel-api-1-10'), join(modules, '@opentelemetry/api'));
  for (const name of ['context-async-hooks', 'core', 'sdk-trace-base'])
    symlinkSync(join(root, 'node_modules/@opentelemetry', name), join(modules, '@opentelemetry', name));
  symlinkSync(join(root, 'node_modules/undici'), join(modules, 'undici'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'app.mjs'), APP);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('@opentelemetry/api 1.10', () => {
  it('the package loads it, and traces and propagates through it', async () => {
    const version = (
      JSON.parse(readFileSync(join(root, 'node_modules/otel-api-1-10/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    expect(version).toMatch(/^1\.10\./);
    const run = await runNode(['app.mjs'], { cwd: dir, timeoutMs: 30_000 });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as {
      Code: number;
      apiOfPackage: string;
      calls: number;
      attemptSpanIds: string[];
      traceparents: string[];
    };
    expect(out.Code).toBe(0);
    expect(out.apiOfPackage).toContain(join('node_modules', 'otel-api-1-10')); // the package's require found 1.10
    expect(out.calls).toBe(1);
    expect(out.attemptSpanIds).toHaveLength(2);
    expect(out.traceparents.map((h) => h.split('-')[2])).toEqual(out.attemptSpanIds);
  });
});
