// A real Redis Cluster for the tests (issue 31): three `redis-server --cluster-enabled yes`
// masters on free ports, joined by `redis-cli --cluster create`.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { RedisServer } from './redisServer.js';
import { sleep } from './waitFor.js';

export class RedisClusterSet {
  private constructor(
    readonly nodes: readonly RedisServer[],
    readonly dir: string,
  ) {}

  get ports(): number[] {
    return this.nodes.map((n) => n.port);
  }

  static async start(): Promise<RedisClusterSet> {
    const dir = mkdtempSync(join(tmpdir(), 'zim-cluster-'));
    const nodes = await Promise.all(
      [0, 1, 2].map((i) =>
        RedisServer.start([
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, `nodes-${i}.conf`),
          '--dir',
          dir,
        ]),
      ),
    );
    const set = new RedisClusterSet(nodes, dir);
    await promisify(execFile)(
      'redis-cli',
      ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-yes'],
      { timeout: 30_000 },
    );
    const deadline = Date.now() + 20_000;
    for (const node of nodes) {
      const admin = new Redis(node.port, '127.0.0.1');
      try {
        while (!String(await admin.call('CLUSTER', 'INFO')).includes('cluster_state:ok')) {
          if (Date.now() > deadline) throw new Error('the Redis Cluster did not come up within 20 s');
          await sleep(100);
        }
      } finally {
        admin.disconnect();
      }
    }
    return set;
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
