import type { ResolvedRedisOption } from '../../cluster/resolveRedisOption.js';
import type { Clock } from '../../core/Clock.js';
import type { RedisLink } from './RedisLink.js';

/** What a client gives its checkpoints: its `redis` (a link made when a job first needs it) and its AppId. */
export interface StoreContext {
  readonly appId: number | undefined;
  readonly redis: ResolvedRedisOption | undefined;
  /** The client's clock: waits between tries, the deadline of `connectTimeoutMs`. */
  readonly clock: Clock;
  /** The client's one link to its `redis`, made on first use. */
  link(): RedisLink;
}

/** A checkpoint's settings, checked. */
export interface ResolvedCheckpoint {
  readonly key: string;
  readonly dir: string | undefined;
  readonly ttlMs: number;
  readonly leaseMs: number;
}

/** How long a claim of a chunk not sent yet holds without a renewal. */
export const CLAIM_MS = 1000;
/** How often a process renews the claims it holds. */
export const RENEW_EVERY_MS = 250;
