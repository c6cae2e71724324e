/**
 * One Redis connection, as the checkpoint stores use it: a Lua script run atomically (EVALSHA,
 * then EVAL when the server does not know it yet). It rejects while Redis cannot be reached.
 */
export interface RedisLink {
  run(script: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
  /** Closes the connection (not a client the user gave). */
  close(): Promise<void>;
}
