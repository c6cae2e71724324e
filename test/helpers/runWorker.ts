import { type Child, goTogether, startChild } from './startChild.js';

/** What one worker process (test/fixtures/redisWorker.ts) saw. */
export interface WorkerResult {
  readonly ok: number;
  readonly failed: string[];
  /** Cluster events as `state:reason@time`. */
  readonly states: string[];
  /** When a rate-limited answer came (Date.now()). */
  readonly limited: number[];
}

/**
 * Runs test/fixtures/redisWorker.ts in a real Node process with `env` (see `startChild`).
 */
export function startWorker(env: Record<string, string>, timeoutMs = 60_000): Child<WorkerResult> {
  return startChild<WorkerResult>('test/fixtures/redisWorker.ts', env, { timeoutMs });
}

/** Starts `n` workers, waits until all are loaded, then starts them together. */
export function runFleet(n: number, env: Record<string, string>): Promise<Promise<WorkerResult>[]> {
  return goTogether(Array.from({ length: n }, () => startWorker(env)));
}
