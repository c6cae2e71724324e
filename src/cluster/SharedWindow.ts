import type { Window } from '../limits/SlidingWindowLimiter.js';
import type { RedisLink } from './RedisLink.js';
import { ACQUIRE, CANCEL, HOLD, PAUSE, RELEASE, RENEW, SLOW_DOWN } from './windowScripts.js';

/** What a shared window needs to know of the fleet: the epoch of Redis it counts in, and when it gives up on a command. */
export interface FleetTerms {
  /** The epoch id this client counts in ('' before it saw one). */
  readonly epoch: string;
  /** A fresh epoch id, should Redis have none. */
  newEpoch(): string;
  /** The Redis time after which an acquire sent now has been given up by the client; 0 when unknown. */
  redisDeadline(): number;
  /** The key of the live clients' heartbeats (see `liveClients.ts`). */
  readonly clientsKey: string;
  /** An acquire counted `clients` in the heartbeat set: the fleet's size, as of now. */
  sawClients(clients: number): void;
}

/**
 * One answer of the shared window: `granted` calls from the head, or nothing before `waitMs`.
 * `epoch` is the one Redis counts in; `stale` when it is not the client's (Redis lost its keys:
 * the client's slots must be recorded again first); `late` when it ran after the client's
 * deadline (nothing was taken).
 */
export interface SharedGrant {
  readonly granted: number;
  readonly waitMs: number;
  readonly epoch: string;
  readonly stale?: boolean;
  readonly late?: boolean;
}

/** A call's units: who took them and how many. */
export interface Units {
  readonly weight: number;
  readonly token: string;
}

/**
 * One limit kept in Redis as exact sliding windows over the whole fleet (the second, and the
 * burst window if there is one): a unit is held from its grant until one window after its
 * answer, as in the in-process limiter, so the server never sees more than the limit in any
 * window whichever process sent them.
 */
export class SharedWindow {
  readonly #redis: RedisLink;
  readonly #pause: string;
  readonly #slow: string;
  readonly #epochKey: string;
  readonly #slots: string[];
  readonly #windows: readonly Window[];
  readonly #leaseMs: number;
  readonly #quietMs: number;
  readonly #fleet: FleetTerms;

  constructor(
    redis: RedisLink,
    id: string,
    epochKey: string,
    windows: readonly Window[],
    times: { leaseMs: number; quietMs: number },
    fleet: FleetTerms,
  ) {
    this.#redis = redis;
    this.#pause = `${id}:pause`;
    this.#slow = `${id}:slow`;
    this.#epochKey = epochKey;
    this.#slots = windows.map((_, i) => (i === 0 ? `${id}:slots` : `${id}:slots:${i}`));
    this.#windows = windows;
    this.#leaseMs = times.leaseMs;
    this.#quietMs = times.quietMs;
    this.#fleet = fleet;
  }

  get windows(): readonly Window[] {
    return this.#windows;
  }

  /** Grants the first `granted` of `calls`, in order, as many as fit now, in one round trip. */
  async acquireMany(calls: readonly Units[]): Promise<SharedGrant> {
    const fleet = this.#fleet;
    const known = fleet.epoch;
    const [granted, waitMs, epoch, clients] = (await this.#redis.run(
      ACQUIRE,
      [this.#epochKey, this.#pause, this.#slow, fleet.clientsKey, ...this.#slots],
      [
        this.#windows.length,
        known,
        fleet.newEpoch(),
        Math.ceil(fleet.redisDeadline()),
        this.#leaseMs,
        this.#quietMs,
        ...this.#windows.flatMap((w) => [w.capacity, w.ms]),
        ...calls.flatMap((c) => [c.weight, c.token]),
      ],
    )) as [number, number, string, number | undefined];
    if (typeof clients === 'number') fleet.sawClients(clients);
    if (granted === -2) return { granted: 0, waitMs: 0, epoch: known, late: true };
    if (granted === -1) return { granted: 0, waitMs: 0, epoch, stale: true };
    return { granted, waitMs, epoch };
  }

  /** The answer of `token` arrived: its units free one window from now, in each window. */
  async release(units: Units): Promise<void> {
    await this.#redis.run(RELEASE, this.#slots, [
      units.token,
      units.weight,
      ...this.#windows.map((w) => w.ms + 1),
    ]);
  }

  /** The calls are still in flight: their lease starts again. */
  async renew(calls: readonly Units[]): Promise<void> {
    await this.#redis.run(RENEW, this.#slots, [this.#leaseMs, ...calls.flatMap((c) => [c.token, c.weight])]);
  }

  /** Units taken for calls that were never sent (their caller gave up): freed at once. */
  async cancel(calls: readonly Units[]): Promise<void> {
    await this.#redis.run(
      CANCEL,
      this.#slots,
      calls.flatMap((c) => [c.token, c.weight]),
    );
  }

  /** Records `units` as held for `ms[i]` more in window `i` (taken while Redis was away, or lost by it). */
  async hold(units: Units, ms: readonly number[]): Promise<void> {
    await this.#redis.run(HOLD, this.#slots, [
      units.token,
      units.weight,
      ...ms.map((x) => Math.max(1, Math.ceil(x))),
    ]);
  }

  /** The fleet's learned rate after a refusal (see `SLOW_DOWN`): resolves with it. */
  async slowDown(holdMs: number): Promise<number> {
    const main = this.#windows[0]!;
    return Number(
      await this.#redis.run(SLOW_DOWN, [this.#slow, this.#slots[0]!], [main.capacity, main.ms, holdMs]),
    );
  }

  /** Nothing granted to any process for `ms`. */
  async pause(ms: number): Promise<void> {
    await this.#redis.run(PAUSE, [this.#pause], [Math.ceil(ms)]);
  }

  /** The lease of a unit in flight. */
  get leaseMs(): number {
    return this.#leaseMs;
  }
}
