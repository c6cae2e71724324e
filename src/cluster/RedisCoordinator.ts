import { randomUUID } from 'node:crypto';
import { untilAborted } from '../core/untilAborted.js';
import type { EventSink } from '../events/EventSink.js';
import { FleetReturn } from './FleetReturn.js';
import { HEARTBEAT_MS, heartbeat, leaveLiveClients } from './liveClients.js';
import { openRedisLink } from './openRedisLink.js';
import type { RedisLink } from './RedisLink.js';
import type { ResolvedRedisOption } from './resolveRedisOption.js';

/**
 * A script Redis runs later than this after it was sent takes nothing, and the client goes
 * local: a local share grants only after one window (1 s) without Redis, so a script run within
 * it can miss no local grant of a client that saw Redis freeze.
 */
const LATE_MS = 1000;
const LATE_MESSAGE = 'Redis ran a command after it had timed out (it was frozen or stalled)';

/** The share's divisor when Redis never reported the live clients. */
const DEFAULT_SHARE_CLIENTS = 4;

/**
 * The Redis side of one client: one ioredis connection, a heartbeat every second that also
 * counts the live clients of the AppId, and the health that decides whether limits are shared or
 * kept locally. Undecided at first: limiters wait (up to `connectTimeoutMs`) for Redis to answer,
 * so a fleet shares its budget from its first call. Any failure (closed, refused, a command slower
 * than `commandTimeoutMs`) switches to local at once; the next heartbeat that succeeds, back.
 * Back on Redis, it is `settled` only once every client seen before the loss is back too (see
 * `FleetReturn`): until then limiters keep to their local share as well, since some clients may
 * still be counting alone.
 */
export class RedisCoordinator {
  readonly #options: ResolvedRedisOption;
  readonly #openLink: (options: ResolvedRedisOption) => Promise<RedisLink>;
  readonly #appId: number;
  readonly #events: EventSink;
  readonly #id = randomUUID();
  readonly #listeners = new Set<(healthy: boolean) => void>();
  readonly #recorders = new Set<(all: boolean) => Promise<void>>();
  readonly #decision: Promise<void>;
  #markDecided: () => void = () => {};
  #client: RedisLink | undefined;
  #heartbeatTimer: NodeJS.Timeout | undefined;
  #connectTimer: NodeJS.Timeout | undefined;
  /** Undefined until decided; then whether limits are shared through Redis. */
  #health: boolean | undefined;
  #everHealthy = false;
  #liveClients: number | undefined;
  /** The keys of the heartbeat: the live clients, and their marks. */
  readonly #keys: { clients: string; marks: string };
  readonly #fleetReturn = new FleetReturn(
    () => void this.#heartbeat(),
    () => {
      if (this.#closed || !this.healthy) return;
      for (const fn of this.#listeners) fn(true);
    },
  );
  #rejoining = false;
  /** A heartbeat is in flight: the next waits for its end (one that overlapped could end a rejoin another began). */
  #beating = false;
  /** The epoch of Redis this client counts in ('' until it saw one; forgotten when Redis is lost). */
  #epoch = '';
  /** Recording every slot again in a new epoch (Redis lost its keys), then adopting it. */
  #adopting: Promise<void> | undefined;
  /** Redis's clock (`TIME`) minus `performance.now()`, learnt at each heartbeat; undefined until then. */
  #redisOffset: number | undefined;
  /** The mark of this client's last heartbeat sent, and of the last one Redis surely has (see `heartbeat`). */
  #markSent = 0;
  #markConfirmed: number | undefined;
  /** When (Redis's clock, as reckoned) this client last came back to Redis; undefined before a return. */
  #returnedAt: number | undefined;
  #fatal: { error: unknown } | undefined;
  #closed = false;
  readonly #started: Promise<void>;

  /** `openLink`: how the connection is made (a seam for the tests that script Redis's answers). */
  constructor(
    options: ResolvedRedisOption,
    appId: number,
    events: EventSink,
    openLink: (options: ResolvedRedisOption) => Promise<RedisLink> = (o) => openRedisLink(o),
  ) {
    this.#openLink = openLink;
    this.#options = options;
    this.#appId = appId;
    this.#events = events;
    this.#keys = { clients: this.idFor('clients'), marks: this.idFor('marks') };
    this.#decision = new Promise((resolve) => {
      this.#markDecided = resolve;
    });
    this.#connectTimer = setTimeout(() => this.#setHealthy(false, 'unreachable'), options.connectTimeoutMs);
    this.#connectTimer.unref();
    this.#started = this.#start().catch((error) => {
      this.#fatal = { error };
      this.#decide();
    });
  }

  /** This client's id in Redis (its heartbeat member, the prefix of its slot tokens). */
  get id(): string {
    return this.#id;
  }

  /** The key of the live clients' heartbeats. */
  get clientsKey(): string {
    return this.#keys.clients;
  }

  /**
   * An acquire counted `clients` in the heartbeat set. Only a rise is taken (the heartbeat alone
   * lowers the count): a client that joined after this one's last heartbeat counts in the share
   * at once, so a loss right after it does not leave this one keeping to too large a share. A
   * set that a flush emptied says nothing.
   */
  sawClients(clients: number): void {
    if (clients > (this.#liveClients ?? 0)) this.#liveClients = clients;
  }

  /** Whether limits are shared through Redis now. */
  get healthy(): boolean {
    return this.#health === true;
  }

  /**
   * Healthy, and every client is back on Redis: the shared budget alone is enough. While healthy
   * but not settled, a limiter takes from both its local share and Redis.
   */
  get settled(): boolean {
    return this.healthy && this.#fleetReturn.settled;
  }

  /** Whether limits were ever shared through Redis (so other clients may hold slots this one cannot see). */
  get everShared(): boolean {
    return this.#everHealthy;
  }

  /**
   * Recording local slots in Redis before this client counts as back: a limiter grants nothing
   * locally meanwhile, or those grants could be missed there.
   */
  get rejoining(): boolean {
    return this.#rejoining;
  }

  /** Whether Redis answered, or `connectTimeoutMs` passed, or loading ioredis failed. */
  get decided(): boolean {
    return this.#health !== undefined || this.#fatal !== undefined;
  }

  /** The error every call fails with when the cluster cannot work at all (ioredis missing). */
  get fatal(): { error: unknown } | undefined {
    return this.#fatal;
  }

  /** The epoch of Redis this client counts in ('' before it saw one). */
  get epoch(): string {
    return this.#epoch;
  }

  /** A fresh epoch id, for a Redis that has none. */
  newEpoch(): string {
    return `${this.#id}:${Date.now()}`;
  }

  /**
   * The Redis time past which a script sent now must take nothing: `commandTimeoutMs` (the client
   * gave up on it), and at most `LATE_MS` (Redis was frozen that long: clients with a shorter
   * `commandTimeoutMs` may be counting alone by then, and their slots are not in Redis yet). 0
   * until a heartbeat learnt the offset of Redis's clock.
   */
  redisDeadline(): number {
    const offset = this.#redisOffset;
    if (offset === undefined) return 0;
    return performance.now() + offset + Math.min(this.#options.commandTimeoutMs, LATE_MS);
  }

  /**
   * Redis ran a script after its deadline (it was frozen): Redis counts as lost, as if the
   * command had timed out, and its clock is learnt again at the rejoin.
   */
  reportLate(): void {
    this.#redisOffset = undefined;
    this.reportFailure(new Error(LATE_MESSAGE));
  }

  /**
   * Redis counts in `epoch`. From none, it is adopted at once; from another, Redis lost its keys
   * (FLUSHALL, an eviction) under the fleet: every limiter records all its slots of the last
   * window again first. Resolves once adopted.
   */
  adoptEpoch(epoch: string): Promise<void> {
    if (epoch === this.#epoch || epoch === '') return Promise.resolve();
    if (this.#epoch === '') {
      this.#epoch = epoch;
      return Promise.resolve();
    }
    this.#adopting ??= Promise.all([...this.#recorders].map((record) => record(true)))
      .then(() => {
        this.#epoch = epoch;
      })
      .finally(() => {
        this.#adopting = undefined;
      });
    return this.#adopting;
  }

  /** The connection limiters use; undefined until loaded. */
  get redis(): RedisLink | undefined {
    return this.#client;
  }

  /** The share of each limit a process keeps to while Redis is unreachable. */
  get share(): number {
    return this.#options.fallbackShare ?? 1 / (this.#liveClients ?? DEFAULT_SHARE_CLIENTS);
  }

  /** The Redis key prefix of a limiter key: namespaced by prefix and AppId, with a hash tag for Redis Cluster. */
  idFor(key: string): string {
    return `${this.#options.keyPrefix}:{${this.#appId}}:${key}`;
  }

  /** Calls `fn` with the new health whenever it changes. Returns the unsubscribe function. */
  onChange(fn: (healthy: boolean) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /**
   * Runs `fn` on every return to Redis, before this client's heartbeat counts it as back: a
   * limiter records there the slots it took alone, so no client settles without them. Returns
   * the unsubscribe function.
   */
  onRejoin(fn: (all: boolean) => Promise<void>): () => void {
    this.#recorders.add(fn);
    return () => this.#recorders.delete(fn);
  }

  /** Resolves once `decided`; rejects on abort, or with the fatal error. */
  async whenDecided(signal: AbortSignal): Promise<void> {
    await untilAborted(this.#decision, signal);
    if (this.#fatal) throw this.#fatal.error;
  }

  /** A limiter's command failed: Redis is treated as gone until a heartbeat succeeds. The event says why. */
  reportFailure(error: unknown): void {
    const message = messageOf(error);
    const reason = /timed? ?out/i.test(message) ? 'slow' : isReplyError(error) ? 'error' : 'lost';
    this.#setHealthy(false, reason, message);
  }

  async #start(): Promise<void> {
    const client = await this.#openLink(this.#options);
    if (this.#closed) {
      await client.close();
      return;
    }
    this.#client = client;
    client.onLost(() => this.#setHealthy(false, 'lost'));
    client.onReady(() => void this.#heartbeat());
    this.#heartbeatTimer = setInterval(() => void this.#heartbeat(), HEARTBEAT_MS);
    this.#heartbeatTimer.unref();
  }

  async #heartbeat(): Promise<void> {
    const client = this.#client;
    if (!client || this.#closed || !client.ready || this.#beating) return;
    this.#beating = true;
    const rejoining = this.#health === false;
    this.#rejoining = rejoining;
    try {
      // Every slot of the last window, not only those taken alone: this Redis may be another one
      // (a promoted replica, a restart) whose window is older than what the fleet spent.
      if (rejoining) await Promise.all([...this.#recorders].map((record) => record(true)));
      const sentAt = performance.now();
      // On Redis's clock once it is known: a step of this host's wall clock miscounts nothing.
      const now = this.#redisOffset === undefined ? Date.now() : sentAt + this.#redisOffset;
      if (rejoining) this.#returnedAt = now;
      const sent = ++this.#markSent;
      const beat = await heartbeat(client, this.#keys, this.#id, {
        now,
        mark: String(sent),
        deadline: this.redisDeadline(),
        // Back since the return: a heartbeat from before it (replicated to a new master, or run
        // late after a freeze) does not say its client came back.
        recentSince: this.#returnedAt,
      });
      if (beat === 'late') throw new Error(LATE_MESSAGE);
      const { live, recent, redisMs, mark } = beat;
      const receivedAt = performance.now();
      const confirmed = this.#markConfirmed;
      this.#markConfirmed = sent;
      if (!rejoining && confirmed !== undefined && Number(mark ?? 0) < confirmed) {
        // Redis no longer has this client's last heartbeat: it is behind what the fleet spent,
        // without the connection having dropped (a silent switch of master): rejoin it.
        this.#setHealthy(false, 'behind');
        setTimeout(() => void this.#heartbeat(), 0).unref();
        return;
      }
      if (redisMs !== undefined) this.#redisOffset = redisMs - (sentAt + receivedAt) / 2;
      if (live !== undefined) this.#liveClients = live;
      this.#setHealthy(true, this.#everHealthy ? 'rejoined' : 'connected');
      this.#fleetReturn.saw(recent);
    } catch (error) {
      this.reportFailure(error);
    } finally {
      this.#beating = false;
      if (rejoining) {
        this.#rejoining = false;
        if (this.#health === false) for (const fn of this.#listeners) fn(false); // waits for the rejoin end
      }
    }
  }

  #setHealthy(healthy: boolean, reason: string, message?: string): void {
    if (this.#closed || healthy === this.#health) return;
    // Before Redis ever answered, only the connect timeout decides to go local: a refused first
    // connection may be a Redis still starting.
    if (!healthy && !this.#everHealthy && reason !== 'unreachable') return;
    const first = this.#health === undefined;
    this.#health = healthy;
    if (healthy && first) this.#fleetReturn.joined();
    else if (healthy) this.#fleetReturn.returned();
    else this.#fleetReturn.lost(this.#liveClients);
    if (healthy) this.#everHealthy = true;
    else this.#epoch = ''; // Redis may come back empty: the slots recorded on return count in its epoch
    this.#events.emit('cluster', {
      state: healthy ? 'shared' : 'local',
      reason,
      ...(message === undefined ? {} : { message }),
      processes: this.#liveClients,
      share: this.share,
    });
    this.#decide();
    for (const fn of this.#listeners) fn(healthy);
  }

  #decide(): void {
    clearTimeout(this.#connectTimer);
    this.#markDecided();
  }

  /** Stops the heartbeat, leaves the client count, and closes the Redis connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeatTimer);
    clearTimeout(this.#connectTimer);
    this.#fleetReturn.close();
    this.#listeners.clear();
    this.#recorders.clear();
    await this.#started;
    const client = this.#client;
    if (client?.ready) await leaveLiveClients(client, this.#keys, this.#id).catch(() => {});
    await client?.close();
  }
}

/** The Redis error's own words (a transaction's first refused command, not "EXECABORT"), short. */
function messageOf(error: unknown): string {
  const first = (error as { previousErrors?: unknown[] } | undefined)?.previousErrors?.[0];
  const source = first ?? error;
  const message = source instanceof Error ? source.message : String(source);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

/** Redis answered, with an error (out of memory, read-only replica, a script error...). */
function isReplyError(error: unknown): boolean {
  return (error as { name?: unknown } | undefined)?.name === 'ReplyError';
}
