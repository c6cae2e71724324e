import { spawn } from 'node:child_process';

/** test/fixtures/jobWorker.ts in a real Node process: `go()` starts its job; `result` once it exited. */
export function startJobWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/jobWorker.ts'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onReady!: () => void;
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
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const result = new Promise<Record<string, number>>((resolve, reject) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      onReady();
      if (code !== 0) reject(new Error(`worker exited with ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)!));
    }),
  );
  return { ready, go: () => child.stdin.end('go\n'), result };
}
