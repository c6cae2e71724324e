import { spawn } from 'node:child_process';

/** What one worker process (test/fixtures/redisWorker.ts) saw. */
export interface WorkerResult {
  readonly ok: number;
  readonly failed: string[];
  /** Cluster events as `state:reason@time`. */
  readonly states: string[];
  /** When a rate-limited answer came (Date.now()). */
  readonly limited: number[];
}

/** A running worker: `ready` once it is loaded, `go()` to start it, `result` once it exited. */
export interface Worker {
  readonly ready: Promise<void>;
  go(): void;
  readonly result: Promise<WorkerResult>;
}

/**
 * Runs test/fixtures/redisWorker.ts in a real Node process with `env`. Its result rejects with
 * the worker's whole stderr when it exits otherwise than with 0 (an uncaught exception shows its
 * stack there).
 */
export function startWorker(env: Record<string, string>, timeoutMs = 60_000): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/redisWorker.ts'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => {
    onReady = r;
  });
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const result = new Promise<WorkerResult>((resolve, reject) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const said = `\nstdout: ${out}\nstderr: ${err}`;
      if (code !== 0) return reject(new Error(`worker ${child.pid} exited with ${code ?? signal}${said}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!));
      } catch {
        reject(new Error(`worker ${child.pid} printed no result${said}`));
      }
    });
  });
  result.catch(() => onReady());
  return { ready, go: () => child.stdin.end('go\n'), result };
}

/** Starts `n` workers, waits until all are loaded, then starts them together. */
export async function runFleet(n: number, env: Record<string, string>): Promise<Promise<WorkerResult>[]> {
  const workers = Array.from({ length: n }, () => startWorker(env));
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.go();
  return workers.map((w) => w.result);
}
