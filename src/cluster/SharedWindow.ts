import type { Redis } from 'ioredis';
import { ACQUIRE, HOLD, PAUSE, RELEASE, SLOW_DOWN } from './windowScripts.js';

interface ScriptCommands {
  zimWindowAcquire(...args: (string | number)[]): Promise<[number, number]>;
  zimWindowRelease(...args: (string | number)[]): Promise<number>;
  zimWindowSlowDown(...args: (string | number)[]): Promise<number>;
  zimWindowPause(...args: (string | number)[]): Promise<number>;
  zimWindowHold(...args: (string | number)[]): Promise<number>;
}

/** Teaches a client the window scripts (sent by SHA, and again in full after a Redis restart flushed them). */
export function defineWindowScripts(client: Redis): void {
  client.defineCommand('zimWindowAcquire', { numberOfKeys: 3, lua: ACQUIRE });
  client.defineCommand('zimWindowRelease', { numberOfKeys: 1, lua: RELEASE });
  client.defineCommand('zimWindowSlowDown', { numberOfKeys: 1, lua: SLOW_DOWN });
  client.defineCommand('zimWindowPause', { numberOfKeys: 1, lua: PAUSE });
  client.defineCommand('zimWindowHold', { numberOfKeys: 1, lua: HOLD });
}

/** One answer of the shared window: granted, or nothing before `waitMs`. */
export interface SharedGrant {
  readonly granted: boolean;
  readonly waitMs: number;
}

/**
 * One limit kept in Redis as an exact sliding window over the whole fleet: a unit is held from
 * its grant until one window after its answer, as in the in-process limiter, so the server never
 * sees more than `capacity` in any window whichever process sent them.
 */
export class SharedWindow {
  readonly #redis: Redis & ScriptCommands;
  readonly #keys: { slots: string; pause: string; slow: string };
  readonly #capacity: number;
  readonly #windowMs: number;
  readonly #holdMs: number;

  constructor(redis: Redis, id: string, capacity: number, windowMs: number, holdMs: number) {
    this.#redis = redis as Redis & ScriptCommands;
    this.#keys = { slots: `${id}:slots`, pause: `${id}:pause`, slow: `${id}:slow` };
    this.#capacity = capacity;
    this.#windowMs = windowMs;
    this.#holdMs = holdMs;
  }

  /** Takes `weight` units under `token` if they fit now. */
  async acquire(weight: number, token: string): Promise<SharedGrant> {
    const { granted, waitMs } = await this.acquireMany([{ weight, token }]);
    return { granted: granted === 1, waitMs };
  }

  /** Grants the first `granted` of `calls`, in order, as many as fit now, in one round trip. */
  async acquireMany(
    calls: readonly { weight: number; token: string }[],
  ): Promise<{ granted: number; waitMs: number }> {
    const { slots, pause, slow } = this.#keys;
    const [granted, waitMs] = await this.#redis.zimWindowAcquire(
      slots,
      pause,
      slow,
      this.#capacity,
      this.#holdMs,
      this.#windowMs,
      ...calls.flatMap((c) => [c.weight, c.token]),
    );
    return { granted, waitMs };
  }

  /** The answer of `token` arrived: its units free one window from now. */
  async release(weight: number, token: string): Promise<void> {
    await this.#redis.zimWindowRelease(this.#keys.slots, token, weight, this.#windowMs);
  }

  /** Records `weight` units of `token`, taken while Redis was away, as held for `ms` more. */
  async hold(weight: number, token: string, ms: number): Promise<void> {
    await this.#redis.zimWindowHold(this.#keys.slots, token, weight, Math.ceil(ms));
  }

  /** One less per window for every process (see `SLOW_DOWN`). */
  async slowDown(): Promise<void> {
    await this.#redis.zimWindowSlowDown(this.#keys.slow, this.#capacity, this.#windowMs);
  }

  /** Nothing granted to any process for `ms`. */
  async pause(ms: number): Promise<void> {
    await this.#redis.zimWindowPause(this.#keys.pause, Math.ceil(ms));
  }
}
