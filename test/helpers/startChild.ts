import { spawn } from 'node:child_process';

/** A test fixture in its own process: `ready` once it is loaded, `go()` to start it, `result` once it exited. */
export interface Child<T> {
  readonly ready: Promise<void>;
  go(): void;
  /** The last JSON line it printed; `'killed'` when `killWhen` killed it (so `T` then includes it). */
  readonly result: Promise<T>;
}

/** How a child is watched. */
export interface ChildOptions {
  /** SIGKILLed past this. @default 60_000 */
  readonly timeoutMs?: number;
  /** Sees stdout so far and says when to SIGKILL it (the test's crash). */
  readonly killWhen?: ((out: string) => boolean) | undefined;
}

/**
 * Runs `fixture` (a .ts file, through tsx) in a real Node process with `env`. The fixture prints
 * `ready` once loaded, waits for a line on stdin, and prints its result as its last JSON line.
 * The result rejects with the child's whole stdout and stderr when it exits otherwise than with 0
 * (an uncaught exception shows its stack there) or prints no result.
 */
export function startChild<T>(
  fixture: string,
  env: Record<string, string>,
  options: ChildOptions = {},
): Child<T> {
  const { timeoutMs = 60_000, killWhen } = options;
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let killed = false;
  let onReady!: () => void;
  const ready = new Promise<void>((r) => {
    onReady = r;
  });
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n')) onReady();
    if (!killed && killWhen?.(out)) {
      killed = true;
      child.kill('SIGKILL');
    }
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const result = new Promise<T>((resolve, reject) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      onReady();
      if (killed) return resolve('killed' as T);
      const said = `\nstdout: ${out}\nstderr: ${err}`;
      if (code !== 0) return reject(new Error(`worker ${child.pid} exited with ${code ?? signal}${said}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!));
      } catch {
        reject(new Error(`worker ${child.pid} printed no result${said}`));
      }
    });
  });
  return { ready, go: () => child.stdin.end('go\n'), result };
}

/** Waits until every child is loaded, then starts them together; their results. */
export async function goTogether<T>(children: readonly Child<T>[]): Promise<Promise<T>[]> {
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.go();
  return children.map((c) => c.result);
}
