import { type LinkSettings, MAX_RECONNECT_MS, type RedisLink, RedisReplyError } from './RedisLink.js';
import { isNoScript, scriptSha } from './scriptSha.js';

type Args = readonly string[];

/** The part of a node-redis client (4 or 5: `createClient`, `createCluster`, `createSentinel`) used here. */
interface NodeRedisLike {
  sendCommand(...args: unknown[]): Promise<unknown>;
  duplicate?(overrides?: object): NodeRedisLike;
  connect(): Promise<unknown>;
  on(event: string, fn: (...args: unknown[]) => void): unknown;
  readonly isReady?: boolean;
  readonly isOpen?: boolean;
  readonly options?: { socket?: object; defaults?: { socket?: object } };
  destroy?(): unknown;
  disconnect?(): unknown;
  getMasterNode?(): unknown;
  readonly masters?: unknown;
}

/** A node-redis client, cluster or sentinel (4 or 5), told apart from ioredis by feature. */
export const isNodeRedis = (v: unknown): boolean => {
  const c = v as Partial<NodeRedisLike> | undefined;
  return (
    typeof c?.sendCommand === 'function' &&
    typeof c.connect === 'function' &&
    typeof c.on === 'function' &&
    (typeof c.duplicate === 'function' || typeof c.getMasterNode === 'function')
  );
};

/** `createClient` from the `redis` package, as this package builds one from a URL. */
export type NodeRedisCreateClient = (options: object) => unknown;

/**
 * A link over node-redis. A client or cluster is duplicated (no offline queue, reconnecting at
 * most `MAX_RECONNECT_MS` apart) and connected here; a Sentinel client (it has no `duplicate`) is
 * used as given, and not closed. Each command is bounded by `commandTimeoutMs` here.
 */
export function nodeRedisLink(
  from: { client: unknown } | { url: string; createClient: NodeRedisCreateClient },
  settings: LinkSettings,
): RedisLink {
  const reconnectStrategy = (retries: number) => Math.min(100 * (retries + 1), MAX_RECONNECT_MS);
  const socket = { connectTimeout: settings.connectTimeoutMs, reconnectStrategy };
  const disableOfflineQueue = !settings.queueWhileConnecting;
  let client: NodeRedisLike;
  let owned = true;
  if ('url' in from) {
    client = from.createClient({ url: from.url, socket, disableOfflineQueue }) as NodeRedisLike;
  } else {
    const given = from.client as NodeRedisLike;
    if (given.masters !== undefined && given.duplicate) {
      const defaults = given.options?.defaults ?? {};
      client = given.duplicate({
        defaults: { ...defaults, disableOfflineQueue, socket: { ...defaults.socket, ...socket } },
      });
    } else if (given.duplicate && given.getMasterNode === undefined) {
      client = given.duplicate({ disableOfflineQueue, socket: { ...given.options?.socket, ...socket } });
    } else {
      client = given; // a Sentinel client: no duplicate
      owned = false;
    }
  }
  const kind = given(client);
  client.on('error', () => {});
  // A Sentinel client is yours: connected here if you had not, never closed here.
  if (owned || !client.isOpen) client.connect().catch(() => {});
  const send = (args: Args, key: string | undefined): Promise<unknown> =>
    kind === 'cluster'
      ? client.sendCommand(key, false, args)
      : kind === 'sentinel'
        ? client.sendCommand(false, args)
        : client.sendCommand(args);
  const timed = (args: Args, key: string | undefined): Promise<unknown> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Command timed out')), settings.commandTimeoutMs);
    });
    return Promise.race([send(args, key), timeout]).finally(() => clearTimeout(timer));
  };
  return {
    async run(script, keys, args) {
      const rest = [String(keys.length), ...keys, ...args.map(String)];
      try {
        return await timed(['EVALSHA', scriptSha(script), ...rest], keys[0]).catch((error: unknown) => {
          if (isNoScript(error)) return timed(['EVAL', script, ...rest], keys[0]);
          throw error;
        });
      } catch (error) {
        throw asReplyError(error);
      }
    },
    get ready() {
      return client.isReady ?? client.isOpen ?? false;
    },
    onReady(fn) {
      client.on('ready', fn);
      client.on('connect', () => {
        if (kind === 'cluster') fn();
      });
      client.on('topology-change', (event) => {
        if ((event as { type?: string } | undefined)?.type === 'MASTER_CHANGE') setImmediate(fn);
      });
    },
    onLost(fn) {
      client.on('reconnecting', fn);
      client.on('end', fn);
      // Sentinel: another master is another Redis (its window may be older): lost, then ready.
      client.on('topology-change', (event) => {
        if ((event as { type?: string } | undefined)?.type === 'MASTER_CHANGE') fn();
      });
    },
    async close() {
      if (!owned) return;
      try {
        await (client.destroy ? client.destroy() : client.disconnect?.());
      } catch {
        // already closed (node-redis throws ClientClosedError then)
      }
    },
  };
}

function given(client: NodeRedisLike): 'cluster' | 'sentinel' | 'client' {
  if (client.masters !== undefined) return 'cluster';
  if (typeof client.getMasterNode === 'function') return 'sentinel';
  return 'client';
}

/** node-redis's reply errors (`ErrorReply`, `SimpleError`, `BlobError`), as the coordinator reads them. */
function asReplyError(error: unknown): unknown {
  const name = (error as object | undefined)?.constructor?.name ?? '';
  if (!/^(ErrorReply|SimpleError|BlobError|ReplyError)$/.test(name)) return error;
  return new RedisReplyError((error as Error).message, { cause: error });
}
