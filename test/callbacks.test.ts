import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CallbackEvents,
  type CallbackReceiverOptions,
  createCallbackReceiver,
  type SendMsgEvent,
} from '../src/callbacks/index.js';
import { beforeSendMsg, deliver, sendMsg, signed } from './helpers/zegoCallback.js';

const secret = 'cb-secret-4f1c';
const servers: Server[] = [];
const receivers: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

/** A receiver behind a real node:http server on port 0, recording every event it emits. */
async function serve(options: Partial<CallbackReceiverOptions> = {}) {
  const events: { name: string; event: unknown }[] = [];
  const record =
    (name: keyof CallbackEvents) =>
    (event: unknown): void => {
      events.push({ name, event });
    };
  const rx = createCallbackReceiver({
    callbackSecret: secret,
    on: {},
    hooks: {
      received: record('received'),
      duplicate: record('duplicate'),
      refused: record('refused'),
      handlerError: record('handlerError'),
      verdict: record('verdict'),
      dedupeError: record('dedupeError'),
    },
    ...options,
  });
  receivers.push(rx);
  const server = createServer(rx.node);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zim-callback`;
  return { url, events, rx };
}

describe('createCallbackReceiver through node:http', () => {
  it('hands send_msg to its typed handler and answers 200', async () => {
    const seen: SendMsgEvent[] = [];
    const { url } = await serve({ on: { send_msg: (e) => void seen.push(e) } });
    const res = await deliver(url, signed(sendMsg(), { secret }));
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ event: 'send_msg', msg_id: '7001', from_user_id: 'ann', conv_type: 0 });
  });

  it('answers a redelivery 2xx without calling the handler again (new nonce, timestamp and signature)', async () => {
    let calls = 0;
    const { url, events } = await serve({ on: { send_msg: () => void calls++ } });
    const event = sendMsg();
    const first = await deliver(url, signed(event, { secret }));
    const again = await deliver(url, signed(event, { secret, nowMs: Date.now() + 2000 }));
    const third = await deliver(url, signed(event, { secret, unit: 'ms', asString: true }));
    expect([first.status, again.status, third.status]).toEqual([200, 200, 200]);
    expect(calls).toBe(1);
    expect(events.filter((e) => e.name === 'duplicate')).toHaveLength(2);
  });

  it('does not merge peer messages sent in a batch through the server API (empty msg_id and conv_id)', async () => {
    const bodies: string[] = [];
    const { url } = await serve({
      on: { send_msg: (e) => void bodies.push(String(e.user_list?.[0]?.user_id)) },
    });
    const batch = (to: string, msgId: string) =>
      sendMsg({
        conv_id: '',
        msg_id: '',
        msg_seq: 0,
        user_list: [{ user_id: to, msg_id: msgId, msg_seq: 1 }],
      });
    const time = Date.now();
    expect((await deliver(url, signed({ ...batch('bob', '9001'), msg_time: time }, { secret }))).status).toBe(
      200,
    );
    expect((await deliver(url, signed({ ...batch('cy', '9002'), msg_time: time }, { secret }))).status).toBe(
      200,
    );
    // ...while a redelivery of one of them is still a duplicate.
    expect((await deliver(url, signed({ ...batch('cy', '9002'), msg_time: time }, { secret }))).status).toBe(
      200,
    );
    expect(bodies).toEqual(['bob', 'cy']);
  });

  it('handles a failed send too (send_result != 0) as its own event', async () => {
    const results: (number | undefined)[] = [];
    const { url } = await serve({ on: { send_msg: (e) => void results.push(e.send_result) } });
    await deliver(url, signed(sendMsg({ msg_id: '7100', send_result: 660700002 }), { secret }));
    expect(results).toEqual([660700002]);
  });

  it('refuses a forged or missing signature with 401, the handler not called', async () => {
    let calls = 0;
    const { url, events } = await serve({ on: { send_msg: () => void calls++ } });
    const forged = signed(sendMsg(), { secret: 'not the secret' });
    expect((await deliver(url, forged)).status).toBe(401);
    const { signature: _s, ...unsigned } = signed(sendMsg(), { secret });
    expect((await deliver(url, unsigned)).status).toBe(401);
    const tampered = { ...signed(sendMsg(), { secret }), nonce: '1' };
    expect((await deliver(url, tampered)).status).toBe(401);
    expect(calls).toBe(0);
    expect(
      events.filter((e) => e.name === 'refused').map((e) => (e.event as { reason: string }).reason),
    ).toEqual(['bad signature', 'bad signature', 'bad signature']);
  });

  it('refuses a timestamp older than 300 s in either unit (401), accepts a fresh one in either', async () => {
    let calls = 0;
    const { url } = await serve({ on: { send_msg: () => void calls++ } });
    const old = Date.now() - 301_000;
    for (const unit of ['s', 'ms'] as const) {
      for (const asString of [false, true]) {
        const id = `${unit}${asString}`;
        expect(
          (
            await deliver(
              url,
              signed(sendMsg({ msg_id: `old-${id}` }), { secret, nowMs: old, unit, asString }),
            )
          ).status,
        ).toBe(401);
        expect(
          (await deliver(url, signed(sendMsg({ msg_id: `new-${id}` }), { secret, unit, asString }))).status,
        ).toBe(200);
      }
    }
    expect(calls).toBe(4);
  });

  it('reads JSON, URL-encoded JSON and form bodies alike (form integers as numbers)', async () => {
    const seen: SendMsgEvent[] = [];
    const { url } = await serve({ on: { send_msg: (e) => void seen.push(e) } });
    for (const [i, form] of (['json', 'urlencoded-json', 'form'] as const).entries()) {
      const res = await deliver(
        url,
        signed(sendMsg({ msg_id: `f${i}`, msg_body: 'a b+c&d=e' }), { secret }),
        form,
      );
      expect(res.status).toBe(200);
    }
    expect(seen.map((e) => [e.msg_id, e.msg_body, e.conv_type, e.msg_seq])).toEqual([
      ['f0', 'a b+c&d=e', 0, 1],
      ['f1', 'a b+c&d=e', 0, 1],
      ['f2', 'a b+c&d=e', 0, 1],
    ]);
  });

  it('never URL-decodes a JSON body: a literal % reaches the handler unchanged', async () => {
    const seen: string[] = [];
    const { url } = await serve({ on: { send_msg: (e) => void seen.push(e.msg_body) } });
    const text = '100% sure, %41 is not A, 50%+ off';
    expect((await deliver(url, signed(sendMsg({ msg_body: text }), { secret }))).status).toBe(200);
    expect(seen).toEqual([text]);
  });

  it('answers malformed JSON with 400 and a non-POST with 405', async () => {
    const { url } = await serve({ on: { send_msg: () => {} } });
    const bad = await fetch(url, {
      method: 'POST',
      body: '{"event": "send_msg", ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect((await fetch(url)).status).toBe(405);
  });

  it('refuses a body over 1 MiB with 413, with or without Content-Length, reading no more than that', async () => {
    let calls = 0;
    const { url } = await serve({ on: { send_msg: () => void calls++ } });
    const big = JSON.stringify(signed(sendMsg({ msg_body: 'x'.repeat(1024 * 1024) }), { secret }));
    const res = await fetch(url, {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    // Chunked (no Content-Length): the read stops at the cap.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write('x'.repeat(100 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);
    expect(calls).toBe(0);
  });

  it('a handler that throws gets 500 (ZEGO redelivers) and its key released: the redelivery is handled', async () => {
    let calls = 0;
    const { url, events } = await serve({
      on: {
        send_msg: () => {
          calls++;
          if (calls === 1) throw new Error('database down');
        },
      },
    });
    const event = sendMsg({ msg_id: 'retry-me' });
    expect((await deliver(url, signed(event, { secret }))).status).toBe(500);
    expect((await deliver(url, signed(event, { secret }))).status).toBe(200);
    expect((await deliver(url, signed(event, { secret }))).status).toBe(200);
    expect(calls).toBe(2);
    expect(events.filter((e) => e.name === 'handlerError')).toHaveLength(1);
  });

  it("sends events without their own handler to '*', and answers 200 to events nobody handles", async () => {
    const seen: string[] = [];
    const { url } = await serve({ on: { '*': (e) => void seen.push(e.event) } });
    await deliver(
      url,
      signed(
        {
          event: 'group_create',
          group_id: 'g1',
          operator_account: 'ann',
          owner_account: 'ann',
          group_name: 'g',
          attributes: [],
          user_ids: ['ann'],
        },
        { secret },
      ),
    );
    await deliver(url, signed({ event: 'some_new_event', thing: 1 }, { secret }));
    expect(seen).toEqual(['group_create', 'some_new_event']);
    const { url: bare } = await serve();
    expect((await deliver(bare, signed(sendMsg(), { secret }))).status).toBe(200);
  });

  it('no event carries the secret, a signature or the body', async () => {
    const { url, events } = await serve({
      on: {
        send_msg: () => {
          throw new Error('x');
        },
      },
    });
    const fields = signed(sendMsg({ msg_body: 'private words' }), { secret });
    await deliver(url, fields);
    await deliver(url, signed(sendMsg(), { secret: 'wrong' }));
    const text = JSON.stringify(events, (_k, v) => (v instanceof Error ? v.message : v));
    expect(events.length).toBeGreaterThan(2);
    for (const leak of [secret, String(fields['signature']), 'private words'])
      expect(text).not.toContain(leak);
  });
});

describe('before_send_msg', () => {
  it("answers the handler's verdict", async () => {
    const { url, events } = await serve({
      on: {
        before_send_msg: (e) => ((e.msg_body ?? '').includes('spam') ? { result: 3, reason: 'spam' } : 1),
      },
    });
    const ok = await deliver(url, signed(beforeSendMsg({ request_id: 'r1' }), { secret }));
    const spam = await deliver(
      url,
      signed(beforeSendMsg({ request_id: 'r2', msg_body: 'buy spam' }), { secret }),
    );
    expect([ok.status, ok.body]).toEqual([200, { result: 1 }]);
    expect([spam.status, spam.body]).toEqual([200, { result: 3, reason: 'spam' }]);
    expect(
      events.filter((e) => e.name === 'verdict').map((e) => (e.event as { source: string }).source),
    ).toEqual(['handler', 'handler']);
  });

  it('a slow handler gets the fallback verdict in time (default 2000 ms, within ZEGO’s 2.5 s), its signal aborted', async () => {
    let aborted = false;
    const { url, events } = await serve({
      on: {
        before_send_msg: (_e, { signal }) =>
          new Promise((resolve) => {
            signal.addEventListener('abort', () => {
              aborted = true;
            });
            setTimeout(() => resolve({ result: 3 }), 4000);
          }),
      },
    });
    const res = await deliver(url, signed(beforeSendMsg({ request_id: 'slow' }), { secret }));
    expect(res.body).toEqual({ result: 0 });
    expect(res.ms).toBeLessThan(2500);
    expect(res.ms).toBeGreaterThanOrEqual(1900);
    expect(aborted).toBe(true);
    expect(events.find((e) => e.name === 'verdict')?.event).toMatchObject({
      source: 'timeout',
      verdict: { result: 0 },
    });
  });

  it('a handler that throws gets beforeSendFallback (neutral by default, or as configured)', async () => {
    const boom = () => {
      throw new Error('moderation bug');
    };
    const { url, events } = await serve({ on: { before_send_msg: boom } });
    expect((await deliver(url, signed(beforeSendMsg({ request_id: 'e1' }), { secret }))).body).toEqual({
      result: 0,
    });
    expect(events.map((e) => e.name)).toEqual(['received', 'handlerError', 'verdict']);
    const strict = await serve({
      on: { before_send_msg: boom },
      beforeSendFallback: { result: 3, reason: 'unchecked' },
    });
    expect((await deliver(strict.url, signed(beforeSendMsg({ request_id: 'e2' }), { secret }))).body).toEqual(
      {
        result: 3,
        reason: 'unchecked',
      },
    );
  });

  it('an answer ZEGO would not understand is neutral; no handler is neutral', async () => {
    const { url } = await serve({ on: { before_send_msg: () => 7 as never } });
    expect((await deliver(url, signed(beforeSendMsg({ request_id: 'n1' }), { secret }))).body).toEqual({
      result: 0,
    });
    const bare = await serve();
    expect((await deliver(bare.url, signed(beforeSendMsg({ request_id: 'n2' }), { secret }))).body).toEqual({
      result: 0,
    });
  });

  it("ZEGO's immediate retry gets the same verdict, the handler called once (also while it is still deciding)", async () => {
    let calls = 0;
    const { url } = await serve({
      beforeSendTimeoutMs: 1500,
      on: {
        before_send_msg: async () => {
          calls++;
          await new Promise((r) => setTimeout(r, 300));
          return { result: 2 };
        },
      },
    });
    const event = beforeSendMsg({ request_id: 'twice' });
    const [a, b] = await Promise.all([
      deliver(url, signed(event, { secret })),
      deliver(url, signed(event, { secret })),
    ]);
    const c = await deliver(url, signed(event, { secret }));
    expect([a.body, b.body, c.body]).toEqual([{ result: 2 }, { result: 2 }, { result: 2 }]);
    expect(calls).toBe(1);
  });
});

describe('options', () => {
  it('a wrong option is a TypeError naming it (never echoing the secret)', () => {
    const ok = { callbackSecret: secret, on: {} };
    expect(() => createCallbackReceiver({ ...ok, callbackSecret: '' })).toThrow(/callbackSecret/);
    expect(() => createCallbackReceiver({ ...ok, beforeSendTimeoutMs: 3000 })).toThrow(
      /beforeSendTimeoutMs.*\(0, 2500\]/,
    );
    expect(() => createCallbackReceiver({ ...ok, dedupeTtlMs: -1 })).toThrow(/dedupeTtlMs/);
    expect(() => createCallbackReceiver({ ...ok, on: { sendmsg: () => {} } as never })).toThrow(
      /on\.sendmsg/,
    );
    expect(() => createCallbackReceiver({ ...ok, beforeSendFallback: { result: 5 as never } })).toThrow(
      /beforeSendFallback/,
    );
    expect(() => createCallbackReceiver({ ...ok, redis: { url: 'http://x' } })).toThrow(/redis\.url/);
    expect(() => createCallbackReceiver({ ...ok, retries: 1 } as never)).toThrow(/unknown option retries/);
    try {
      createCallbackReceiver({ ...ok, dedupeTtlMs: 0 });
    } catch (error) {
      expect(String(error)).not.toContain(secret);
    }
  });

  it('handlers are typed per event', () => {
    createCallbackReceiver({
      callbackSecret: secret,
      on: {
        send_msg: (e) => {
          expectTypeOf(e).toEqualTypeOf<SendMsgEvent>();
          expectTypeOf(e.msg_time).toEqualTypeOf<number>();
        },
        call_create: (e) => expectTypeOf(e.user_ids).toEqualTypeOf<readonly string[]>(),
        before_send_msg: () => ({ result: 1 }),
      },
    });
    // @ts-expect-error: a verdict is 0-3
    createCallbackReceiver({ callbackSecret: secret, on: { before_send_msg: () => ({ result: 4 }) } });
  });
});
