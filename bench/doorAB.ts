/**
 * A developer's tool, not part of `npm run bench`: the undici door of two builds of the package in
 * one process, side by side, on the fake dispatcher of `doorOverhead.ts` (no network), so that a
 * change to the door or the engine is measured within each round. 32 calls in flight (or `C`),
 * `R` interleaved rounds (default 9) of 10,000 calls each, after 5,000 to warm each up.
 *
 *   git worktree add /tmp/base main && (cd /tmp/base && npm ci && npm run build)
 *   npm run build && npx tsx bench/doorAB.ts /tmp/base/dist/index.js dist/index.js
 *
 * Prints CPU µs per call of each (median, min-max), and A's over B's per round: above 1, B is cheaper.
 * `compose` (the bare call through an interceptor that does nothing) is the floor of any interceptor.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { request } from 'undici';
import type * as Package from '../src/index.js';
import { FakeDispatcher } from './FakeDispatcher.js';
import { median } from './statistics.js';

const [pathA, pathB] = process.argv.slice(2);
if (!pathA || !pathB)
  throw new TypeError('usage: npx tsx bench/doorAB.ts <build A index.js> <build B index.js>');
const load = async (path: string): Promise<typeof Package> => import(pathToFileURL(resolve(path)).href);
const A = await load(pathA);
const B = await load(pathB);
const base = 'http://127.0.0.1:8099/';
const fake = new FakeDispatcher();
const options = { appId: 1, serverSecret: 's', baseUrl: base, limits: { QueryUserInfos: false } } as const;
const body = JSON.stringify({ UserIds: ['bench-user'] });
const headers = { 'content-type': 'application/json' };

const door = (pkg: typeof Package) => {
  const dispatcher = fake.compose(pkg.zimInterceptor(options));
  return async () =>
    (
      await request(`${base}?Action=QueryUserInfos`, { method: 'POST', dispatcher, body, headers })
    ).body.json();
};
const signed = () => new URLSearchParams({ ...B.signRequest({ appId: 1, serverSecret: 's' }) }).toString();
const nothing = fake.compose((dispatch) => (opts, handler) => dispatch(opts, handler));
const stacks: Record<string, () => Promise<unknown>> = {
  compose: async () =>
    (
      await request(`${base}?Action=QueryUserInfos&${signed()}`, {
        method: 'POST',
        dispatcher: nothing,
        body,
        headers,
      })
    ).body.json(),
  A: door(A),
  B: door(B),
};

const CONCURRENCY = Number(process.env.C ?? 32);
const ROUNDS = Number(process.env.R ?? 9);
async function cpuPerCall(fn: () => Promise<unknown>, n: number): Promise<number> {
  let i = 0;
  const start = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (i++ < n) await fn();
    }),
  );
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}
for (const fn of Object.values(stacks)) await cpuPerCall(fn, 5000);
const us: Record<string, number[]> = Object.fromEntries(Object.keys(stacks).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  const names = round % 2 ? Object.keys(stacks).reverse() : Object.keys(stacks);
  for (const name of names) us[name]!.push(await cpuPerCall(stacks[name]!, 10_000));
}
const show = (xs: number[]) =>
  `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)})`;
for (const [name, xs] of Object.entries(us)) console.log(name.padEnd(8), 'µs/call', show(xs));
const ratios = us.B!.map((b, i) => us.A![i]! / b);
console.log(
  'A / B, CPU per call:',
  median(ratios).toFixed(3),
  `rounds ${ratios.map((r) => r.toFixed(2)).join(' ')}`,
);
process.exit(0);
