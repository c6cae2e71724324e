import { randomUUID } from 'node:crypto';
import { sleep } from '../../core/sleep.js';
import type { ChunkRecord } from './ChunkRecord.js';
import { CLAIM, FORGET, MARK_SENT, OPEN, RECORDS, RENEW, SETTLE, WALK_RECORD } from './checkpointScripts.js';
import type { BatchStore, Claim, WalkState, WalkStore } from './JobStore.js';
import { listDigestMismatch } from './listDigest.js';
import type { RedisLink } from './RedisLink.js';
import { CLAIM_MS, RENEW_EVERY_MS, type ResolvedCheckpoint, type StoreContext } from './storeContext.js';
import { ZimCheckpointError } from './ZimCheckpointError.js';

/** How often a command is tried again while Redis cannot be reached. */
const RETRY_MS = 100;
/** Records read per round trip. */
const PAGE = 200;

/** The keys of a job: the client's keyPrefix, the AppId's hash tag (like the fleet's), the key. */
function jobKeys(context: StoreContext, key: string): readonly [string, string] {
  const base = `${context.redis!.keyPrefix}:{${context.appId}}:job:${key}`;
  return [base, `${base}:lease`];
}

/**
 * Runs a script, trying again while Redis cannot be reached, for at most the client's
 * `connectTimeoutMs`; then a `ZimCheckpointError` (reason `store`) with Redis's error as `cause`.
 */
async function persist(
  context: StoreContext,
  key: string,
  what: string,
  script: string,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  const link: RedisLink = context.link();
  const { clock } = context;
  const deadline = clock.now() + context.redis!.connectTimeoutMs;
  for (;;) {
    try {
      return await link.run(script, keys, args);
    } catch (cause) {
      if (clock.now() + RETRY_MS > deadline) {
        throw new ZimCheckpointError(
          `checkpoint ${JSON.stringify(key)}: could not ${what} in Redis for ${context.redis!.connectTimeoutMs} ms (redis.connectTimeoutMs); nothing was sent without its record`,
          { key, reason: 'store', cause },
        );
      }
      await sleep(RETRY_MS, clock);
    }
  }
}

const gone = (key: string) =>
  new ZimCheckpointError(`checkpoint ${JSON.stringify(key)} was forgotten or expired while the job ran`, {
    key,
    reason: 'gone',
  });

/** A batch's checkpoint in Redis: atomic claims with leases, shared by every process on the key. */
export function redisBatchStore(context: StoreContext, options: ResolvedCheckpoint): BatchStore {
  const { key, ttlMs, leaseMs } = options;
  const keys = jobKeys(context, key);
  const owner = randomUUID();
  const held = new Set<number>();
  let chunks = 0;
  let renewing: ReturnType<typeof setInterval> | undefined;
  const run = (what: string, script: string, args: readonly (string | number)[]) =>
    persist(context, key, what, script, keys, args);

  const renew = () => {
    if (held.size === 0) return;
    context
      .link()
      .run(RENEW, keys, [owner, CLAIM_MS, leaseMs, ttlMs, ...held])
      .catch(() => {}); // Redis gone: the claims free with their leases, and no chunk is sent without its record
  };

  const records = async (): Promise<(ChunkRecord | undefined)[]> => {
    const out: (ChunkRecord | undefined)[] = [];
    for (let from = 0; from < chunks; from += PAGE) {
      const page = (await run('read the settled chunks', RECORDS, [
        from,
        Math.min(PAGE, chunks - from),
      ])) as string[];
      for (const text of page) out.push(text === '' ? undefined : (JSON.parse(text) as ChunkRecord));
    }
    return out;
  };

  return {
    async open(digest, n) {
      chunks = n;
      const [status] = (await run('open the job', OPEN, ['batch', digest, n, ttlMs])) as [string];
      if (status === 'mismatch') throw listDigestMismatch(key, 'batch');
      renewing = setInterval(renew, RENEW_EVERY_MS);
      renewing.unref?.();
      return records();
    },
    async claim(): Promise<Claim> {
      const [index, extra] = (await run('claim a chunk', CLAIM, [owner, CLAIM_MS, ttlMs])) as [
        number,
        number?,
      ];
      if (index === -3) throw gone(key);
      if (index === -1) return { kind: 'done' };
      if (index === -2) return { kind: 'wait', ms: extra ?? RETRY_MS };
      held.add(index);
      return { kind: 'chunk', index, interrupted: extra === 1 };
    },
    async markSent(index) {
      const ok = (await run(`record chunk ${index} as sent`, MARK_SENT, [
        owner,
        index,
        leaseMs,
        ttlMs,
      ])) as number;
      if (ok === -3) throw gone(key);
      if (ok === 0) held.delete(index);
      return ok === 1;
    },
    async settle(index, record) {
      const ok = (await run(`record chunk ${index}'s outcome`, SETTLE, [
        index,
        JSON.stringify(record),
        ttlMs,
      ])) as number;
      held.delete(index);
      if (ok === -3) throw gone(key);
    },
    async records() {
      const all = await records();
      if (all.some((r) => r === undefined)) throw gone(key);
      return all as ChunkRecord[];
    },
    async close() {
      if (renewing !== undefined) clearInterval(renewing);
      held.clear();
    },
  };
}

/** A walk's checkpoint in Redis: the cursor of the next page, written as each page is consumed. */
export function redisWalkStore(context: StoreContext, options: ResolvedCheckpoint): WalkStore {
  const { key, ttlMs } = options;
  const keys = jobKeys(context, key);
  let digest = '';
  return {
    async open(d) {
      digest = d;
      const [status, cursor, pages, done] = (await persist(context, key, 'open the walk', OPEN, keys, [
        'walk',
        d,
        0,
        ttlMs,
      ])) as string[];
      if (status === 'mismatch') throw listDigestMismatch(key, 'walk');
      if (cursor === undefined || cursor === '') return undefined;
      return { cursor: JSON.parse(cursor) as string | number, pages: Number(pages), done: done === '1' };
    },
    async record(state: WalkState) {
      const ok = await persist(context, key, 'record the cursor', WALK_RECORD, keys, [
        digest,
        JSON.stringify(state.cursor),
        state.pages,
        state.done ? 1 : 0,
        ttlMs,
      ]);
      if (ok !== 1) throw gone(key);
    },
    async close() {},
  };
}

/** Drops a job's checkpoint in Redis. */
export async function forgetRedis(context: StoreContext, key: string): Promise<void> {
  await persist(context, key, 'forget the job', FORGET, jobKeys(context, key), []);
}
