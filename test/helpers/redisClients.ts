// The Redis client kinds the suite runs the shared-limit tests against (issue 31): a matrix, not
// copies. Each kind builds the client a user would pass as `redis` (or `redis.client`).
import { Cluster as Cluster5, Redis as Ioredis5 } from 'ioredis';
import { Cluster as Cluster6, Redis as Ioredis6 } from 'ioredis6';
import { createClient, createCluster, createSentinel } from 'redis';

/** One kind of client, as a user would make it. */
export interface ClientKind {
  readonly name: 'ioredis 5' | 'ioredis 6' | 'node-redis 5';
  /** A client for `url` (not connected: it is duplicated). */
  plain(url: string): object;
  /** A Sentinel client of master set `name` through the sentinels at `ports`. */
  sentinel(ports: readonly number[], name: string): object;
  /** A Redis Cluster client through the nodes at `ports`. */
  cluster(ports: readonly number[]): object;
}

const nodes = (ports: readonly number[]) => ports.map((port) => ({ host: '127.0.0.1', port }));

export const CLIENT_KINDS: readonly ClientKind[] = [
  {
    name: 'ioredis 5',
    plain: (url) => new Ioredis5(url, { lazyConnect: true }),
    sentinel: (ports, name) => new Ioredis5({ sentinels: nodes(ports), name, lazyConnect: true }),
    cluster: (ports) => new Cluster5(nodes(ports), { lazyConnect: true }),
  },
  {
    name: 'ioredis 6',
    plain: (url) => new Ioredis6(url, { lazyConnect: true }),
    sentinel: (ports, name) => new Ioredis6({ sentinels: nodes(ports), name, lazyConnect: true }),
    cluster: (ports) => new Cluster6(nodes(ports), { lazyConnect: true }),
  },
  {
    name: 'node-redis 5',
    plain: (url) => createClient({ url }),
    sentinel: (ports, name) => createSentinel({ name, sentinelRootNodes: nodes(ports) }),
    cluster: (ports) =>
      createCluster({ rootNodes: ports.map((port) => ({ url: `redis://127.0.0.1:${port}` })) }),
  },
];

/** The kind named `name` (the workers get it by name through their environment). */
export function clientKind(name: string | undefined): ClientKind {
  const kind = CLIENT_KINDS.find((k) => k.name === name);
  if (!kind) throw new Error(`no client kind ${name}`);
  return kind;
}
