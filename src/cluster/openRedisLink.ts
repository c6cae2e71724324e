import { ZimError } from '../errors/ZimError.js';
import { type IoredisClass, ioredisLink, isIoredis } from './ioredisLink.js';
import { isNodeRedis, type NodeRedisCreateClient, nodeRedisLink } from './nodeRedisLink.js';
import type { LinkSettings, RedisLink } from './RedisLink.js';

/**
 * The module names, held in variables so that bundlers (esbuild, webpack, Rollup) leave the
 * imports to run time instead of failing to resolve an optional peer that is not installed.
 */
const IOREDIS = 'ioredis';
const NODE_REDIS = 'redis';

/** What is accepted as a Redis client, for the TypeErrors that name it. */
export const ACCEPTED_CLIENTS =
  'an ioredis 5 or 6 client (Redis, Sentinel or Cluster) or a node-redis 4 or 5 client (createClient, createCluster or createSentinel)';

/** Whether `v` is a client of a kind this package speaks to. */
export const isRedisClient = (v: unknown): boolean => isIoredis(v) || isNodeRedis(v);

/** Imports a module by name (a seam for the tests that hide the optional peers). */
export type Importer = (name: string) => Promise<unknown>;

/** A connection from the user's client or a URL, and how long a command may take. */
export interface LinkSource extends Partial<LinkSettings> {
  readonly url?: string | undefined;
  readonly client?: unknown;
  readonly commandTimeoutMs: number;
  readonly connectTimeoutMs: number;
}

/**
 * A `RedisLink` for the resolved `redis` option (the client's, the callbacks' or a job store's):
 * the user's client duplicated, whichever kind it is, or a new connection from the URL through
 * ioredis, else node-redis (both optional peers: a URL needs one of them installed; a ZimError
 * naming them, with the import error as `cause`, when neither loads).
 */
export async function openRedisLink(
  source: LinkSource,
  importer: Importer = (name) => import(name),
): Promise<RedisLink> {
  const settings: LinkSettings = {
    commandTimeoutMs: source.commandTimeoutMs,
    connectTimeoutMs: source.connectTimeoutMs,
    queueWhileConnecting: source.queueWhileConnecting ?? false,
  };
  if (source.client !== undefined) {
    if (isIoredis(source.client)) return ioredisLink({ client: source.client }, settings);
    if (isNodeRedis(source.client)) return nodeRedisLink({ client: source.client }, settings);
    throw new TypeError(`expected redis.client to be ${ACCEPTED_CLIENTS}`);
  }
  const url = source.url!;
  let ioredisError: unknown;
  try {
    const mod = (await importer(IOREDIS)) as { Redis?: IoredisClass; default?: IoredisClass };
    const IORedis = mod.Redis ?? mod.default;
    if (typeof IORedis !== 'function') throw new TypeError('ioredis exports no Redis class');
    return ioredisLink({ url, IORedis }, settings);
  } catch (error) {
    ioredisError = error;
  }
  try {
    const mod = (await importer(NODE_REDIS)) as { createClient?: NodeRedisCreateClient };
    if (typeof mod.createClient !== 'function') throw new TypeError('redis exports no createClient');
    return nodeRedisLink({ url, createClient: mod.createClient }, settings);
  } catch {
    throw new ZimError(
      'the redis option needs the ioredis or the redis package (optional peer dependencies), and neither could be loaded: npm install ioredis (or pass a client of your own)',
      { cause: ioredisError },
    );
  }
}
