import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZimClient } from '../src/index.js';

/** Refuses the first `refuse` requests with 660700001 (rate-limited), answers the rest; records each arrival. */
let server: Server;
let base: string;
const arrivals: number[] = [];
let refuse = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    arrivals.push(performance.now());
    res.setHeader('content-type', 'application/json');
    res.end(refuse-- > 0 ? '{"Code":660700001,"Message":"too frequent"}' : '{"Code":0}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('slow-down after a burst of rate-limited answers (item 7)', () => {
  it('20 refusals in one burst at most halve the rate, which holds, then probes back up', async () => {
    refuse = 20;
    arrivals.length = 0;
    const client = createZimClient({ appId: 1, serverSecret: 'secret', baseUrl: base });
    const calls = Array.from({ length: 60 }, (_, i) =>
      client.call('UserRegister', { UserInfo: [{ UserId: `u${i}`, UserName: 'n' }] }),
    );
    await Promise.all(calls);
    await client.close();
    expect(arrivals).toHaveLength(80);
    const t0 = arrivals[0]!;
    const perSecond: number[] = [];
    for (const t of arrivals) {
      const bin = Math.floor((t - t0) / 1000);
      perSecond[bin] = (perSecond[bin] ?? 0) + 1;
    }
    // The curve, e.g. [20, 10, 10, 10, 11, 13, 6]: the burst, the rate halved at most (the server
    // took none of 20: a learned rate, docs/overload.md), held 4 s, then probing up 1, 2, 4...
    console.log(
      'UserRegister arrivals per second after 20 refusals:',
      perSecond.map((n) => n ?? 0),
    );
    expect(perSecond[0]).toBe(20); // the burst, all refused
    expect(perSecond[1] ?? 0).toBeGreaterThanOrEqual(9); // at most halved, not twenty steps down (2/s before)
    expect(perSecond[1] ?? 0).toBeLessThanOrEqual(11);
    expect(Math.max(perSecond[4] ?? 0, perSecond[5] ?? 0)).toBeGreaterThanOrEqual(11); // probing up after the 5 s hold
    const inAnySecond = Math.max(
      ...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + 1000).length),
    );
    expect(inAnySecond).toBeLessThanOrEqual(20); // never over the limit
    expect(arrivals.at(-1)! - t0).toBeLessThan(7_500); // 24.2 s for 300 calls before item 7; ~6.3 s here
  });
});
