import { performance } from 'node:perf_hooks';

/** What one fixed-duration run measured. */
export interface DurationRun {
  /** Calls completed inside the measured window, per second. */
  readonly callsPerSecond: number;
  /** CPU time (user + system) of this process inside the window, per completed call, in µs. */
  readonly cpuUsPerCall: number;
  /** Calls that failed during the whole run (they are not counted as completed). */
  readonly errors: number;
}

/**
 * Keeps `concurrency` calls in flight for `warmMs + windowMs`, counts the calls completed
 * inside the window only (the warm-up reopens idle sockets), then lets the calls in flight end.
 */
export async function runForDuration(
  call: () => Promise<void>,
  concurrency: number,
  warmMs: number,
  windowMs: number,
): Promise<DurationRun> {
  const start = performance.now();
  const windowStart = start + warmMs;
  const end = windowStart + windowMs;
  let completed = 0;
  let errors = 0;
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  let cpuAtEnd: NodeJS.CpuUsage | undefined;
  const startTimer = setTimeout(() => {
    cpuAtStart = process.cpuUsage();
  }, warmMs);
  const endTimer = setTimeout(() => {
    cpuAtEnd = process.cpuUsage(cpuAtStart);
  }, warmMs + windowMs);
  const worker = async () => {
    while (performance.now() < end) {
      try {
        await call();
        const now = performance.now();
        if (now >= windowStart && now < end) completed++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  const cpu = cpuAtEnd ?? process.cpuUsage(cpuAtStart);
  return {
    callsPerSecond: (completed / windowMs) * 1000,
    cpuUsPerCall: (cpu.user + cpu.system) / Math.max(1, completed),
    errors,
  };
}
