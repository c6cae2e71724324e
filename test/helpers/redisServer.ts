import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Whether redis-server can be run here. CI installs it; elsewhere the Redis tests say loudly that they were skipped. */
export const hasRedis = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env['CI']) throw new Error('redis-server is required in CI (.ci/run installs it)');
    console.warn(
      '\n*** redis-server not found: the Redis (many processes) tests are SKIPPED. Install it: apt-get install redis-server ***\n',
    );
    return false;
  }
})();

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** A real redis-server on a free port, that a test can stop and start again. */
export class RedisServer {
  #child: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    readonly args: readonly string[] = [],
  ) {}

  /** `args`: more redis-server options (e.g. `--replicaof HOST PORT`). */
  static async start(args: readonly string[] = []): Promise<RedisServer> {
    const server = await RedisServer.reserve(args);
    await server.start();
    return server;
  }

  /** A server on a free port, not started yet (connections to it are refused until `start()`). */
  static async reserve(args: readonly string[] = []): Promise<RedisServer> {
    return new RedisServer(await freePort(), args);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.#child && this.#child.exitCode === null) return;
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--enable-debug-command',
        'yes',
        ...this.args,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    this.#child = child;
    child.unref();
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ready to accept connections')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
    });
  }

  /** Freezes the server (SIGSTOP): connections stay open, nothing is answered until `thaw()`. */
  freeze(): void {
    this.#child?.kill('SIGSTOP');
  }

  /** Lets a frozen server run again (SIGCONT): it then runs every command sent meanwhile. */
  thaw(): void {
    this.#child?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.ref(); // the wait for its exit keeps the process alive (a script may have nothing else)
    child.kill('SIGKILL');
    child.kill('SIGCONT'); // a frozen server dies only once it runs again
    await exited;
    this.#child = undefined;
  }
}
