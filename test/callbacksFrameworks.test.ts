import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve as serveHono } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallbackReceiver } from '../src/callbacks/index.js';
import { type BodyForm, beforeSendMsg, deliver, sendMsg, signed } from './helpers/zegoCallback.js';

const secret = 'fw-secret';
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

function receiver() {
  const handled: string[] = [];
  const rx = createCallbackReceiver({
    callbackSecret: secret,
    on: {
      send_msg: (e) => void handled.push(e.msg_id),
      before_send_msg: (e) => (e.msg_body === 'bad' ? { result: 3, reason: 'blocked' } : { result: 1 }),
    },
  });
  closers.push(() => rx.close());
  return { rx, handled };
}

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => server.close(r)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** What every framework must do, through its real server. */
async function conformance(url: string, handled: string[], forms: readonly BodyForm[]) {
  for (const [i, form] of forms.entries()) {
    const event = sendMsg({ msg_id: `m${i}`, msg_body: '50% off, %41' });
    expect((await deliver(url, signed(event, { secret }), form)).status).toBe(200);
    expect((await deliver(url, signed(event, { secret, unit: 'ms' }), form)).status).toBe(200); // redelivery
  }
  expect(handled).toEqual(forms.map((_f, i) => `m${i}`));
  expect((await deliver(url, signed(sendMsg({ msg_id: 'x' }), { secret: 'forged' }))).status).toBe(401);
  expect(
    (await deliver(url, signed(sendMsg({ msg_id: 'y' }), { secret, nowMs: Date.now() - 400_000 }))).status,
  ).toBe(401);
  const ok = await deliver(url, signed(beforeSendMsg({ request_id: 'a' }), { secret }));
  const bad = await deliver(url, signed(beforeSendMsg({ request_id: 'b', msg_body: 'bad' }), { secret }));
  expect([ok.status, ok.body, bad.body]).toEqual([200, { result: 1 }, { result: 3, reason: 'blocked' }]);
  const broken = await fetch(url, {
    method: 'POST',
    body: '{"event":',
    headers: { 'content-type': 'text/plain' },
  });
  expect(broken.status).toBe(400);
}

const ALL: readonly BodyForm[] = ['json', 'urlencoded-json', 'form'];

describe('the receiver in frameworks, through their real servers', () => {
  it('express, as the route handler (no body parser)', async () => {
    const { rx, handled } = receiver();
    const app = express();
    app.post('/zim', rx.node);
    const url = `${await listen(createServer(app))}/zim`;
    await conformance(url, handled, ALL);
  });

  it('express, after express.json(), express.urlencoded() and express.text()', async () => {
    const { rx, handled } = receiver();
    const app = express();
    app.post('/zim', express.json(), express.urlencoded(), express.text(), rx.node);
    // express.json() itself refuses (400) a URL-encoded JSON body sent as application/json,
    // before the receiver sees it: see docs/callbacks.md.
    await conformance(`${await listen(createServer(app))}/zim`, handled, ['json', 'form']);
  });

  it('express, after express.text({ type: "*/*" }): every form', async () => {
    const { rx, handled } = receiver();
    const app = express();
    app.post('/zim', express.text({ type: '*/*', limit: '2mb' }), rx.node);
    await conformance(`${await listen(createServer(app))}/zim`, handled, ALL);
  });

  it('fastify, through rx.handle (its own JSON parser; forms read as text)', async () => {
    const { rx, handled } = receiver();
    const app = Fastify();
    app.addContentTypeParser(
      ['application/x-www-form-urlencoded', 'text/plain'],
      { parseAs: 'string' },
      (_req, body, done) => done(null, body),
    );
    // A URL-encoded JSON body sent as application/json is not JSON: read it as text too.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    app.post('/zim', async (request, reply) => {
      const answer = await rx.handle({ method: request.method, body: request.body as string });
      return reply.code(answer.status).headers(answer.headers).send(answer.body);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => app.close());
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/zim`;
    await conformance(url, handled, ALL);
  });

  it('Hono (on @hono/node-server), through rx.fetch', async () => {
    const { rx, handled } = receiver();
    const app = new Hono();
    app.post('/zim', (c) => rx.fetch(c.req.raw));
    const server = serveHono({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
    closers.push(() => new Promise((r) => server.close(r)));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zim`;
    await conformance(url, handled, ALL);
  });
});
