/**
 * What this package needs of a Redis connection, whichever client it came from (ioredis 5 or 6,
 * node-redis 4 or 5): Lua scripts, whether it is ready, and when it is lost or ready again.
 * Every shared state (windows, heartbeats, quotas, dedupe claims) is a script, so one method
 * covers every client kind, and Redis Cluster routes each call by its first key.
 */
export interface RedisLink {
  /** Runs a Lua script (EVALSHA, then EVAL on NOSCRIPT). Rejects after `commandTimeoutMs`. */
  run(script: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
  /** Whether commands can be sent now. */
  readonly ready: boolean;
  /** Calls `fn` each time the connection is (again) ready. */
  onReady(fn: () => void): void;
  /** Calls `fn` each time the connection is lost (closed, reconnecting, or moved to another master). */
  onLost(fn: () => void): void;
  /** Closes the connection (a duplicate of the user's client, or one of our own; never the user's). */
  close(): Promise<void>;
}

/** How a link's connection behaves. */
export interface LinkSettings {
  /** A command with no answer after this long rejects ("Command timed out"). */
  readonly commandTimeoutMs: number;
  /** How long one attempt to connect may take. */
  readonly connectTimeoutMs: number;
  /** Queue commands while (re)connecting (up to `commandTimeoutMs`), instead of failing them at once. */
  readonly queueWhileConnecting: boolean;
}

/** Reconnection attempts are at most this far apart, so every live client is back soon after Redis. */
export const MAX_RECONNECT_MS = 250;

/** An error Redis answered (out of memory, read-only replica, a script error...), whichever client read it. */
export class RedisReplyError extends Error {
  override readonly name = 'ReplyError';
}
