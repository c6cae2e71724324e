// A real Redis Sentinel set for the failover tests (issue 29): a master, a replica and three
// `redis-server CONF --sentinel` processes on free ports, quorum 2, a master down after 1 s.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, RedisServer } from './redisServer.js';
import { sleep } from './waitFor.js';

export const MASTER_NAME = 'zimmaster';

/** A Sentinel set; `switchedAt` holds when a sentinel published `+switch-master` (Date.now()). */
export class SentinelSet {
  readonly switchedAt: number[] = [];
  readonly #sentinels: ChildProcess[] = [];
  #watch: Redis | undefined;
  sentinelPorts: number[] = [];
  private constructor(
    readonly master: RedisServer,
    readonly replica: RedisServer,
    readonly dir: string,
  ) {}

  static async start(): Promise<SentinelSet> {
    const dir = mkdtempSync(join(tmpdir(), 'zim-sentinel-'));
    const master = await RedisServer.start(['--dir', dir]);
    const replica = await RedisServer.start(['--dir', dir, '--replicaof', '127.0.0.1', String(master.port)]);
    const set = new SentinelSet(master, replica, dir);
    await set.#startSentinels();
    return set;
  }

  async #startSentinels(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const conf = join(this.dir, `sentinel-${i}.conf`);
      writeFileSync(
        conf,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${this.dir}`,
          `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${this.master.port} 2`,
          `sentinel down-after-milliseconds ${MASTER_NAME} 1000`,
          `sentinel failover-timeout ${MASTER_NAME} 10000`,
          `sentinel parallel-syncs ${MASTER_NAME} 1`,
          '',
        ].join('\n'),
      );
      const child = spawn('redis-server', [conf, '--sentinel'], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.unref();
      this.#sentinels.push(child);
      this.sentinelPorts.push(port);
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('+monitor')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`sentinel exited with ${code}: ${out}`)));
      });
    }
    const watch = new Redis({ port: this.sentinelPorts[0]!, host: '127.0.0.1' });
    watch.on('error', () => {});
    this.#watch = watch;
    await watch.subscribe('+switch-master');
    watch.on('message', () => this.switchedAt.push(Date.now()));
    // Ready once every sentinel knows the replica (in sync) and the two other sentinels.
    const deadline = Date.now() + 20_000;
    for (const port of this.sentinelPorts) {
      const s = new Redis({ port, host: '127.0.0.1' });
      try {
        for (;;) {
          const replicas = (await s.call('SENTINEL', 'REPLICAS', MASTER_NAME)) as string[][];
          const sentinels = (await s.call('SENTINEL', 'SENTINELS', MASTER_NAME)) as string[][];
          const synced = replicas.some((r) => r.includes('master-link-status') && r.includes('ok'));
          if (synced && sentinels.length >= 2) break;
          if (Date.now() > deadline) throw new Error('the sentinel set did not come up within 20 s');
          await sleep(200);
        }
      } finally {
        s.disconnect();
      }
    }
  }

  /** SIGKILLs the master (a crash): the sentinels see it down after 1 s and promote the replica. */
  async killMaster(): Promise<void> {
    await this.master.stop();
  }

  /** `SENTINEL FAILOVER` (a managed Redis's maintenance): the replica is promoted, the master demoted later. */
  async failover(): Promise<void> {
    const s = new Redis({ port: this.sentinelPorts[0]!, host: '127.0.0.1' });
    try {
      await s.call('SENTINEL', 'FAILOVER', MASTER_NAME);
    } finally {
      s.disconnect();
    }
  }

  async stop(): Promise<void> {
    this.#watch?.disconnect();
    await Promise.all(
      this.#sentinels.map(async (child) => {
        if (child.exitCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.ref();
        child.kill('SIGKILL');
        await exited;
      }),
    );
    await Promise.all([this.master.stop(), this.replica.stop()]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
