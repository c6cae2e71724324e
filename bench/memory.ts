/** Heap used and RSS, in MB, after a full collection when `--expose-gc` is on. */
export interface MemorySample {
  readonly heapMB: number;
  readonly rssMB: number;
}

const MB = 1024 * 1024;

/** Collects garbage (twice, when it can) and samples memory. */
export function sampleMemory(): MemorySample {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapMB: heapUsed / MB, rssMB: rss / MB };
}

/** `after - before`, field by field. */
export function growth(before: MemorySample, after: MemorySample): MemorySample {
  return { heapMB: after.heapMB - before.heapMB, rssMB: after.rssMB - before.rssMB };
}
