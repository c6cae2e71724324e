/**
 * A developer's tool, not part of `npm run bench`: the CPU each door adds per call, without a
 * network or a server (a fake dispatcher answers every request on the next turn of the loop), so
 * that it holds still on a shared machine. 32 calls in flight, 7 rounds of 20,000 calls each.
 *
 *   npx tsx bench/doorOverhead.ts [bare,compose,client,undici] [concurrency]
 *
 * `compose` is bare through an interceptor that does nothing: what undici's handler adapters cost.
 */
import { request } from 'undici';
import { FakeDispatcher } from './FakeDispatcher.js';
import { pkg } from './pkg.js';

const base = 'http://127.0.0.1:9/';
const fake = new FakeDispatcher();
const opts = { appId: 1, serverSecret: 's', baseUrl: base, limits: { QueryUserInfos: false } } as const;
const interceptor = pkg.zimInterceptor(opts);
const composed = fake.compose(interceptor);
/** An interceptor that does nothing: what composing alone costs (undici's handler adapters). */
const passthrough = fake.compose((dispatch) => (opts, handler) => dispatch(opts, handler));
const client = pkg.createZimClient({ ...opts, dispatcher: fake });
const body = JSON.stringify({ UserIds: ['bench-user'] });
const signed = () => new URLSearchParams({ ...pkg.signRequest({ appId: 1, serverSecret: 's' }) }).toString();

const stacks: Record<string, () => Promise<unknown>> = {
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
await client.close();
await interceptor.close();
