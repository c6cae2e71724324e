// The Redis client kinds accepted by the `redis` options (issue 31): ioredis 5 and 6, node-redis 5
// (`createClient`), each sharing a limit between two clients and the callbacks' dedupe between
// two receivers, through a real redis-server; and a client of another kind refused up front.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallbackReceiver } from '../src/callbacks/index.js';
import { createZimClient } from '../src/index.js';
import { startMockZimServer } from '../src/mock/index.js';
import { CLIENT_KINDS } from './helpers/redisClients.js';
import { hasRedis, RedisServer } from './helpers/redisServer.js';
import { waitFor } from './helpers/waitFor.js';
import { sendMsg, signed } from './helpers/zegoCallback.js';

const ACCEPTED =
  'an ioredis 5 or 6 client (Redis, Sentinel or Cluster) or a node-redis 4 or 5 client (createClient, createCluster or createSentinel)';

describe('a Redis client of another kind', () => {
  const base = { appId: 1, serverSecret: 'x'.repeat(32) };
  class OtherClient {
    get() {}
    set() {}
  }
  it('is a TypeError naming what is accepted, for the client and the callbacks', () => {
    expect(() => createZimClient({ ...base, redis: new OtherClient() as never })).toThrow(
      new TypeError(`expected redis to be ${ACCEPTED}, got a client of another kind (OtherClient)`),
    );
    expect(() => createZimClient({ ...base, redis: { client: new Map() as never } })).toThrow(
      new TypeError(`expected redis.client to be ${ACCEPTED}, got a client of another kind (Map)`),
    );
    expect(() =>
      createCallbackReceiver({ callbackSecret: 's', on: {}, redis: new OtherClient() as never }),
    ).toThrow(new TypeError(`expected redis to be ${ACCEPTED}, got a client of another kind (OtherClient)`));
  });
});

describe.skipIf(!hasRedis).each(CLIENT_KINDS)('through $name', (kind) => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('two clients share 20/s: 60 UserRegister, 0 refused, never over 20 in a second', async () => {
    const server = await startMockZimServer();
    const states: string[][] = [[], []];
    const clients = states.map((seen) =>
      createZimClient({
        appId: server.appId,
        serverSecret: server.serverSecret,
        baseUrl: server.url,
        redis: kind.plain(redis.url) as never,
        hooks: { cluster: (e) => void seen.push(`${e.state}:${e.reason}`) },
      }),
    );
    try {
      await Promise.all(
        clients.flatMap((c, k) =>
          Array.from({ length: 30 }, (_, i) =>
            c.call('UserRegister', { UserInfo: [{ UserId: `k${k}-${i}`, UserName: 'K' }] }),
          ),
        ),
      );
      const s = server.stats().UserRegister;
      console.log(`${kind.name}: ${s.rejected} refused, max ${s.maxInAnySecond}; ${states.join(' | ')}`);
      expect(states).toEqual([['shared:connected'], ['shared:connected']]);
      expect(s.rejected).toBe(0);
      expect(s.accepted).toBe(60);
      expect(s.maxInAnySecond).toBeLessThanOrEqual(20);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await server.close();
    }
  }, 30_000);

  it("two receivers share the callbacks' dedupe: an event delivered to both is handled once", async () => {
    let handled = 0;
    const receivers = [0, 1].map(() =>
      createCallbackReceiver({
        callbackSecret: 'dedupe-secret',
        redis: kind.plain(redis.url) as never,
        on: { send_msg: () => void handled++ },
      }),
    );
    try {
      const body = JSON.stringify(
        signed(sendMsg({ msg_id: `kind-${kind.name}` }), { secret: 'dedupe-secret' }),
      );
      for (const rx of receivers) expect((await rx.handle({ body })).status).toBe(200);
      await waitFor(() => handled >= 1);
      expect(handled).toBe(1);
    } finally {
      await Promise.all(receivers.map((rx) => rx.close()));
    }
  }, 30_000);
});
