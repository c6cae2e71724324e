// One heartbeat at a time (issue 29): with commandTimeoutMs above the heartbeat period, a frozen
// Redis leaves each heartbeat in flight longer than the period. One that overlapped another
// could end a rejoin the other had begun. The coordinator here talks to a scripted link whose
// heartbeats hang for commandTimeoutMs while "frozen" (the real-Redis freezes are in
// test/redisRecovery.test.ts); its limiters' recordings are counted the same way.
import { describe, expect, it } from 'vitest';
import { RedisCoordinator } from '../src/cluster/RedisCoordinator.js';
import type { RedisLink } from '../src/cluster/RedisLink.js';
import { resolveRedisOption } from '../src/cluster/resolveRedisOption.js';
import { EventSink } from '../src/events/EventSink.js';
import { sleep } from './helpers/waitFor.js';

describe('the coordinator heartbeats one at a time', () => {
  it('commandTimeoutMs 2500, Redis frozen 5 s: never two heartbeats or rejoins in flight, and a rejoin ends only with its own heartbeat', async () => {
    const commandTimeoutMs = 2500;
    let frozen = false;
    let inFlight = 0;
    let most = 0;
    let mark = '';
    const rejoinEnds: string[] = [];
    const link: RedisLink = {
      async run(_script, keys, args) {
        if (!keys[0]!.endsWith(':clients')) return 1;
        inFlight++;
        most = Math.max(most, inFlight);
        try {
          if (frozen) {
            await sleep(commandTimeoutMs);
            throw new Error('Command timed out');
          }
          const ms = Date.now();
          const previous = mark;
          mark = String(args[4]); // this heartbeat's mark, as Redis keeps it
          return [2, 2, String(Math.floor(ms / 1000)), String((ms % 1000) * 1000), previous];
        } finally {
          inFlight--;
        }
      },
      ready: true,
      onReady() {},
      onLost() {},
      async close() {},
    };
    const options = resolveRedisOption({ url: 'redis://127.0.0.1:1', commandTimeoutMs })!;
    const states: string[] = [];
    const events = new EventSink({ cluster: (e) => void states.push(`${e.state}:${e.reason}`) });
    const c = new RedisCoordinator(options, 1, events, async () => link);
    // A limiter's recording on a rejoin: while it runs, the client must stay `rejoining`.
    c.onRejoin(async () => {
      await sleep(300);
      rejoinEnds.push(c.rejoining ? 'rejoining' : 'ended early');
    });
    try {
      await sleep(1100);
      expect(c.healthy).toBe(true);
      frozen = true;
      await sleep(5000);
      frozen = false;
      await sleep(3500);
      console.log(
        `heartbeats in flight at most ${most}; events ${states.join(' ')}; rejoins ${rejoinEnds.join(' ')}`,
      );
      expect(most).toBe(1);
      expect(rejoinEnds.length).toBeGreaterThan(0);
      expect(rejoinEnds).not.toContain('ended early');
      expect(states).toEqual(['shared:connected', 'local:slow', 'shared:rejoined']);
    } finally {
      await c.close();
    }
  }, 20_000);
});
