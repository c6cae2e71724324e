import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChunkRecord } from './ChunkRecord.js';
import type { BatchStore, Claim, WalkState, WalkStore } from './JobStore.js';
import { listDigestMismatch } from './listDigest.js';
import type { ResolvedCheckpoint } from './storeContext.js';
import { ZimCheckpointError } from './ZimCheckpointError.js';

/** The lock files this process holds (a stale one of a process with our pid is not one of them). */
const held = new Set<string>();

/** The log of a job under `dir`: one JSON line per event, appended and synced before it counts. */
function jobFile(dir: string, key: string): string {
  return join(dir, `zim-job-${createHash('sha256').update(key).digest('hex').slice(0, 32)}.jsonl`);
}

type Line =
  | {
      readonly t: 'open';
      readonly kind: 'batch' | 'walk';
      readonly key: string;
      readonly digest: string;
      readonly n: number;
    }
  | { readonly t: 'sent'; readonly i: number }
  | { readonly t: 'settled'; readonly i: number; readonly r: ChunkRecord }
  | ({ readonly t: 'cursor' } & WalkState);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const storeError = (key: string, what: string, cause: unknown) =>
  new ZimCheckpointError(
    `checkpoint ${JSON.stringify(key)}: could not ${what} (${(cause as Error).message})`,
    {
      key,
      reason: 'store',
      cause,
    },
  );

/**
 * Opens a job's log for this process alone: its lock file names our pid (a lock of a process
 * that is gone is taken over), its lines are read back (a torn last line is ignored), and a log
 * older than its time to live is dropped.
 */
async function openLog(options: ResolvedCheckpoint, kind: 'batch' | 'walk', digest: string, n: number) {
  const { key, dir, ttlMs } = options;
  const file = jobFile(dir!, key);
  const lock = `${file}.lock`;
  try {
    await mkdir(dir!, { recursive: true });
    for (;;) {
      try {
        await writeFile(lock, String(process.pid), { flag: 'wx' });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const pid = Number(await readFile(lock, 'utf8').catch(() => '0'));
        if (held.has(lock) || (pid > 0 && pid !== process.pid && alive(pid)))
          throw new ZimCheckpointError(
            `checkpoint ${JSON.stringify(key)} is in use by process ${pid}: a file checkpoint serves one process at a time (give the client redis to share a job)`,
            { key, reason: 'busy' },
          );
        await rm(lock, { force: true });
      }
    }
    held.add(lock);
  } catch (error) {
    if (error instanceof ZimCheckpointError) throw error;
    throw storeError(key, `lock ${lock}`, error);
  }
  const release = async () => {
    held.delete(lock);
    await rm(lock, { force: true });
  };
  try {
    const lines: Line[] = [];
    const age = await stat(file).then(
      (s) => Date.now() - s.mtimeMs,
      () => undefined,
    );
    if (age !== undefined && age > ttlMs) await rm(file, { force: true });
    else if (age !== undefined) {
      for (const text of (await readFile(file, 'utf8')).split('\n')) {
        if (text === '') continue;
        try {
          lines.push(JSON.parse(text) as Line);
        } catch {} // the last line, torn by a kill in the middle of its write
      }
    }
    const head = lines[0];
    if (
      head !== undefined &&
      (head.t !== 'open' || head.kind !== kind || head.digest !== digest || head.n !== n)
    )
      throw listDigestMismatch(key, kind);
    const fd = await open(file, 'a');
    const append = async (line: Line) => {
      try {
        await fd.appendFile(`${JSON.stringify(line)}\n`);
        await fd.datasync();
      } catch (error) {
        throw storeError(key, `write ${file}`, error);
      }
    };
    if (head === undefined) await append({ t: 'open', kind, key, digest, n });
    const close = async () => {
      await fd.close().catch(() => {});
      await release();
    };
    return { lines, append, close };
  } catch (error) {
    await release();
    if (error instanceof TypeError || error instanceof ZimCheckpointError) throw error;
    throw storeError(key, `read ${file}`, error);
  }
}

/** A batch's checkpoint in a file: one process on the key, so a claim is its own to give. */
export function fileBatchStore(options: ResolvedCheckpoint): BatchStore {
  let log: Awaited<ReturnType<typeof openLog>> | undefined;
  let records: (ChunkRecord | undefined)[] = [];
  let sent = new Set<number>();
  const claimed = new Set<number>();
  let next = 0;
  return {
    async open(digest, n) {
      log = await openLog(options, 'batch', digest, n);
      records = Array.from({ length: n }, () => undefined);
      sent = new Set();
      for (const line of log.lines) {
        if (line.t === 'sent') sent.add(line.i);
        else if (line.t === 'settled' && records[line.i] === undefined) records[line.i] = line.r;
      }
      return [...records];
    },
    async claim(): Promise<Claim> {
      while (next < records.length && records[next] !== undefined) next++;
      if (next >= records.length) {
        return claimed.size === 0 && records.every((r) => r !== undefined)
          ? { kind: 'done' }
          : { kind: 'wait', ms: 50 };
      }
      const index = next++;
      claimed.add(index);
      return { kind: 'chunk', index, interrupted: sent.has(index) }; // sent by a process gone
    },
    async markSent(index) {
      await log!.append({ t: 'sent', i: index });
      return true;
    },
    async settle(index, record) {
      await log!.append({ t: 'settled', i: index, r: record });
      records[index] ??= record;
      claimed.delete(index);
    },
    async records() {
      return records as ChunkRecord[];
    },
    async close() {
      await log?.close();
    },
  };
}

/** A walk's checkpoint in a file. */
export function fileWalkStore(options: ResolvedCheckpoint): WalkStore {
  let log: Awaited<ReturnType<typeof openLog>> | undefined;
  return {
    async open(digest) {
      log = await openLog(options, 'walk', digest, 0);
      const last = log.lines.findLast((line) => line.t === 'cursor');
      return last === undefined ? undefined : { cursor: last.cursor, pages: last.pages, done: last.done };
    },
    async record(state) {
      await log!.append({ t: 'cursor', ...state });
    },
    async close() {
      await log?.close();
    },
  };
}

/** Drops a job's checkpoint file. */
export async function forgetFile(dir: string, key: string): Promise<void> {
  await rm(jobFile(dir, key), { force: true });
}
