/**
 * A developer's tool, not part of `npm run bench`: the CPU each door adds per call, without a
 * network or a server (a fake dispatcher answers every request on the next turn of the loop), so
 * that it holds still on a shared machine. 32 calls in flight, 7 rounds of 20,000 calls each.
 *
 *   npx tsx bench/doorOverhead.ts [bare,compose,client,undici,retryAgent,fetch,resilientFetch] [concurrency]
 *
 * `compose` is bare through an interceptor that does nothing: what undici's handler adapters cost.
 * `retryAgent` is undici's own `RetryAgent` on the same fake, the anchor; `fetch` and
 * `resilientFetch` are undici's `fetch` on it, bare (signed by hand) and wrapped (the door signs).
 * The last lines are the ratios as calls per CPU second, each taken within its round: bare's CPU per
 * call over the door's (the door's throughput on a CPU-bound process), median and min-max.
 */
import { RetryAgent, request, fetch as undiciFetch } from 'undici';
import { FakeDispatcher } from './FakeDispatcher.js';
import { pkg } from './pkg.js';

const base = 'http://127.0.0.1:8099/'; // not a port fetch refuses (9 is)
const fake = new FakeDispatcher();
const opts = { appId: 1, serverSecret: 's', baseUrl: base, limits: { QueryUserInfos: false } } as const;
const interceptor = pkg.zimInterceptor(opts);
const composed = fake.compose(interceptor);
/** An interceptor that does nothing: what composing alone costs (undici's handler adapters). */
const passthrough = fake.compose((dispatch) => (opts, handler) => dispatch(opts, handler));
const client = pkg.createZimClient({ ...opts, dispatcher: fake });
const retrying = new RetryAgent(fake);
const fakeFetch = ((input: string, init?: RequestInit) =>
  undiciFetch(input, { ...(init as object), dispatcher: fake })) as unknown as typeof fetch;
const wrappedFetch = pkg.resilientFetch(fakeFetch, opts);
const body = JSON.stringify({ UserIds: ['bench-user'] });
const signed = () => new URLSearchParams({ ...pkg.signRequest({ appId: 1, serverSecret: 's' }) }).toString();

const stacks: Record<string, () => Promise<unknown>> = {
  retryAgent: async () => {
    const res = await request(`${base}?Action=QueryUserInfos&${signed()}`, {
      method: 'POST',
      dispatcher: retrying,
      body,
      headers: { 'content-type': 'application/json' },
    });
    return res.body.json();
  },
  fetch: async () => {
    const res = await fakeFetch(`${base}?Action=QueryUserInfos&${signed()}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    return res.json();
  },
  resilientFetch: async () => {
    const res = await wrappedFetch(`${base}?Action=QueryUserInfos`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    return res.json();
  },
  bare: async () => {
    const res = await request(`${base}?Action=QueryUserInfos&${signed()}`, {
      method: 'POST',
      dispatcher: fake,
      body,
      headers: { 'content-type': 'application/json' },
    });
    return res.body.json();
  },
  compose: async () => {
    const res = await request(`${base}?Action=QueryUserInfos&${signed()}`, {
      method: 'POST',
      dispatcher: passthrough,
      body,
      headers: { 'content-type': 'application/json' },
    });
    return res.body.json();
  },
  client: () => client.call('QueryUserInfos' as never, { UserIds: ['bench-user'] } as never),
  undici: async () => {
    const res = await request(`${base}?Action=QueryUserInfos`, {
      method: 'POST',
      dispatcher: composed,
      body,
      headers: { 'content-type': 'application/json' },
    });
    return res.body.json();
  },
};
const only = process.argv[2]?.split(',');
/** Calls in flight: the second argument. @default 32 */
const CONCURRENCY = Number(process.argv[3] ?? 32);
async function run(fn: () => Promise<unknown>, n: number) {
  let i = 0;
  const t = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (i++ < n) await fn();
    }),
  );
  const c = process.cpuUsage(t);
  return (c.user + c.system) / n;
}
for (const fn of Object.values(stacks)) await run(fn, 5000); // warm
const res: Record<string, number[]> = {};
for (let r = 0; r < 7; r++)
  for (const [name, fn] of Object.entries(stacks)) {
    if (only && !only.includes(name)) continue;
    const xs = res[name] ?? [];
    xs.push(await run(fn, 20000));
    res[name] = xs;
  }
for (const [name, xs] of Object.entries(res)) {
  const s = [...xs].sort((a, b) => a - b);
  console.log(
    name.padEnd(8),
    'µs/call median',
    s[3]!.toFixed(1),
    'min',
    s[0]!.toFixed(1),
    'max',
    s[6]!.toFixed(1),
  );
}
const ratios: [string, string][] = [
  ['client', 'bare'],
  ['undici', 'bare'],
  ['retryAgent', 'bare'],
  ['resilientFetch', 'fetch'],
];
for (const [door, of] of ratios) {
  const d = res[door];
  const b = res[of];
  if (!d || !b) continue;
  const rs = d.map((x, i) => b[i]! / x).sort((x, y) => x - y);
  const mid = rs[Math.floor(rs.length / 2)]!;
  console.log(
    `${door} / ${of}`.padEnd(24),
    'calls per CPU s, median',
    mid.toFixed(3),
    `(${rs[0]!.toFixed(3)}-${rs[rs.length - 1]!.toFixed(3)})`,
  );
}
await client.close();
await interceptor.close();
await wrappedFetch.close();
