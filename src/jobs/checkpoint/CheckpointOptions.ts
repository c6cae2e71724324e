/**
 * `checkpoint` of `batch` and `paginate` options: where a job keeps its progress, so that a run
 * after a crash (or another process) goes on where it stopped (docs/jobs.md).
 *
 * @public
 */
export interface CheckpointOptions {
  /** Names the job: the same key with another list (items, order, action or parameters) is a `TypeError`. */
  readonly key: string;
  /**
   * Keep the checkpoint in files under this directory instead of the client's `redis`: for one
   * machine, one process at a time (a second process on the key is a `ZimCheckpointError`).
   * @default the client's `redis` (a `TypeError` without one)
   */
  readonly dir?: string;
  /** How long a checkpoint is kept after its last write. @default 604800000 (7 days) */
  readonly ttlMs?: number;
  /**
   * How long a chunk whose attempt may have gone out stays its process's without a renewal (each
   * process renews its own every 250 ms): another process takes it over (as in flight) only
   * after this long. A chunk claimed but not sent is free again after 1 s.
   * @default 5000
   */
  readonly leaseMs?: number;
}
