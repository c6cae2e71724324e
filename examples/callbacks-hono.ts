import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { computeCallbackSignature, createCallbackReceiver } from 'zim-resilience/callbacks';

const callbackSecret = 'the ServerSecret of your project'; // console: your project > Basic Configurations

const rx = createCallbackReceiver({
  callbackSecret,
  beforeSendTimeoutMs: 500,
  on: {
    // Too slow on purpose: the fallback verdict ({ result: 0 }, neutral) goes out at 500 ms.
    before_send_msg: () => new Promise((resolve) => setTimeout(() => resolve({ result: 3 }), 2000)),
  },
  hooks: { verdict: (e) => console.log(`verdict ${JSON.stringify(e.verdict)} from ${e.source}`) },
});

// rx.fetch is (Request) => Promise<Response>: the same line works in Next.js, Bun and Workers.
const app = new Hono().post('/zim-callback', (c) => rx.fetch(c.req.raw));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zim-callback`;

// What ZEGO sends, simulated, with its timestamp in milliseconds (as some of its pages say).
const timestamp = Date.now();
const nonce = '350176';
const signature = computeCallbackSignature(callbackSecret, timestamp, nonce);
const body = JSON.stringify({
  appid: '1',
  event: 'before_send_msg',
  timestamp,
  nonce,
  signature,
  request_id: 'r9',
  msg_body: 'hi',
});
const started = Date.now();
const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
const inTime = Date.now() - started < 2500; // ZEGO waits 2.5 s for the verdict
console.log(`answered ${res.status} ${await res.text()} ${inTime ? 'in time' : 'too late'}`);
server.close();
await rx.close();
