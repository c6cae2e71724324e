import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Response as UndiciResponse, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ResilientFetch, resilientFetch } from '../src/index.js';

// Issue 31, "doors at undici's own cost": resilientFetch hands back the final attempt's own
// Response, its body served from the bytes the chain read (no second Response, no second stream
// unless one is asked for). Every way of reading it must agree with plain fetch's Response.

const SMALL = Buffer.from('{"Code":0,"Message":"success","RequestId":"r-1","Name":"héllo ✓ 😀"}');
/** Not valid UTF-8 inside a string: every reader must replace it as fetch does. */
const BAD_UTF8 = Buffer.concat([
  Buffer.from('{"Code":0,"Message":"'),
  Buffer.from([0xff, 0xc3]),
  Buffer.from('"}'),
]);
/** Many chunks on the wire. */
const LARGE = Buffer.from(`{"Code":0,"Message":"success","Pad":"${'x'.repeat(300_000)}"}`);
const BODIES: Record<string, Buffer> = { small: SMALL, badUtf8: BAD_UTF8, large: LARGE };

let server: Server;
let base: string;
/** Per path (`/small`, ...): how many requests arrived, and what the first attempts answer first. */
const arrivals = new Map<string, number>();
const busyFirst = new Set<string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    const n = (arrivals.get(path) ?? 0) + 1;
    arrivals.set(path, n);
    req.resume();
    if (busyFirst.has(path) && n === 1) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"Code":-1,"Message":"busy"}');
      return;
    }
    const body = BODIES[path.replace(/^busy-/, '')] ?? SMALL;
    res.writeHead(200, { 'content-type': 'application/json', 'x-answer': path });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const fetchImpls = {
  'global fetch': fetch,
  "undici's fetch": undiciFetch as unknown as typeof fetch,
};

/** What a step of reading gives, as plain data: a value, or the kind of error. */
async function outcome(step: () => unknown): Promise<unknown> {
  try {
    const value = await step();
    if (value instanceof ArrayBuffer) return { arrayBuffer: Buffer.from(value).toString('hex') };
    if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('hex') };
    if (value instanceof Blob) return { blob: value.type, text: await value.text() };
    if (value instanceof ReadableStream) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of value as ReadableStream<Uint8Array>) chunks.push(chunk);
      return { stream: Buffer.concat(chunks).toString('hex') };
    }
    if (value instanceof Response || value instanceof UndiciResponse) return { response: await value.text() };
    return { value };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

type Step = (res: Response) => unknown;
/** Ways of reading a body, each a sequence of steps; `bodyUsed` is compared after every step. */
const WAYS: Record<string, Step[]> = {
  json: [(r) => r.json()],
  'text, then text again': [(r) => r.text(), (r) => r.text()],
  'json, then arrayBuffer': [(r) => r.json(), (r) => r.arrayBuffer()],
  'arrayBuffer, then clone': [(r) => r.arrayBuffer(), (r) => r.clone()],
  bytes: [(r) => (r as Response & { bytes(): Promise<Uint8Array> }).bytes()],
  blob: [(r) => r.blob()],
  formData: [(r) => r.formData()],
  'body as a stream, then json': [(r) => r.body, (r) => r.json()],
  'json, then body as a stream': [(r) => r.json(), (r) => r.body],
  'body locked by a reader, then text': [(r) => r.body?.getReader() && 'locked', (r) => r.text()],
  'clone, then both read': [(r) => r.clone().text(), (r) => r.text()],
  'clone twice, then clone after text': [
    (r) => r.clone(),
    (r) => r.clone(),
    (r) => r.text(),
    (r) => r.clone(),
  ],
};

describe('resilientFetch hands back a Response that reads as plain fetch’s does', () => {
  for (const [impl, fetchImpl] of Object.entries(fetchImpls)) {
    let door: ResilientFetch;
    beforeAll(() => {
      door = resilientFetch(fetchImpl, {
        appId: 1,
        serverSecret: 's',
        baseUrl: base,
        retry: { minDelayMs: 1, maxDelayMs: 2 },
      });
    });
    afterAll(() => door.close());

    for (const body of Object.keys(BODIES))
      it.each(Object.entries(WAYS))(`${impl}, ${body} body: %s`, async (_, steps) => {
        const plain = await fetchImpl(`${base}/${body}?Action=QueryUserInfos`);
        const ours = await door(`${base}/${body}?Action=QueryUserInfos`);
        for (const res of [plain, ours]) expect(res.bodyUsed).toBe(false);
        for (const step of steps) {
          expect(await outcome(() => step(ours))).toEqual(await outcome(() => step(plain)));
          expect(ours.bodyUsed).toBe(plain.bodyUsed);
        }
        expect(ours).toBeInstanceOf(plain.constructor);
        expect({ ...head(ours), url: ours.url.replace(/\?.*/, '') }).toEqual({
          ...head(plain),
          url: plain.url.replace(/\?.*/, ''),
        });
      });

    it(`${impl}: the caller gets the final attempt's own Response, after a retry too`, async () => {
      const seen: Response[] = [];
      const recording = resilientFetch(
        async (input, init) => {
          const res = await fetchImpl(input, init);
          seen.push(res);
          return res;
        },
        { appId: 1, serverSecret: 's', baseUrl: base, retry: { minDelayMs: 1, maxDelayMs: 2 } },
      );
      busyFirst.add(`busy-${impl.length}`);
      try {
        const res = await recording(`${base}/busy-${impl.length}?Action=QueryUserInfos`);
        expect(seen).toHaveLength(2); // 503, then the answer
        expect(res).toBe(seen[1]);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual(JSON.parse(SMALL.toString()));
        await expect(res.text()).rejects.toThrow(TypeError);
        // a clone keeps the url, as fetch's clone does
        const again = await recording(`${base}/small?Action=QueryUserInfos`);
        expect(again.clone().url).toBe(again.url);
      } finally {
        await recording.close();
      }
    });
  }
});

function head(res: Response) {
  return {
    status: res.status,
    statusText: res.statusText,
    redirected: res.redirected,
    type: res.type,
    headers: [...res.headers].filter(([name]) => name !== 'date'),
  };
}
