// A resumable import: zim.batch with a checkpoint (files here; the client's redis in production).
// A child process imports 3,000 users and kills itself (SIGKILL) half-way; this process then runs
// the same batch with the same key: it sends only what was not settled, and answers for all.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createZimClient } from 'zim-resilience';
import { startMockZimServer } from 'zim-resilience/mock';

const users = Array.from({ length: 3000 }, (_, i) => ({ UserId: `user${i}`, UserName: `User ${i}` }));

/** The import: the same call in every run, with the same key. */
async function runImport(baseUrl: string, appId: number, serverSecret: string, dir: string, killAt?: number) {
  const zim = createZimClient({ appId, serverSecret, baseUrl });
  try {
    return await zim.batch(
      'UserRegister',
      { UserInfo: users },
      {
        checkpoint: { key: 'nightly-import', dir },
        idempotent: false, // an interrupted chunk is reported, never sent twice
        onProgress: ({ done }) => {
          if (killAt !== undefined && done >= killAt) process.kill(process.pid, 'SIGKILL'); // a crash
        },
      },
    );
  } finally {
    await zim.close();
  }
}

const { CHILD_URL, CHILD_APP, CHILD_SECRET, CHILD_DIR } = process.env;
if (CHILD_URL) {
  await runImport(CHILD_URL, Number(CHILD_APP), CHILD_SECRET!, CHILD_DIR!, 1500);
} else {
  const server = await startMockZimServer(); // in production, leave it out
  const dir = mkdtempSync(join(tmpdir(), 'zim-import-'));
  try {
    const env = {
      ...process.env,
      CHILD_URL: server.url,
      CHILD_APP: String(server.appId),
      CHILD_SECRET: server.serverSecret,
      CHILD_DIR: dir,
    };
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env,
      stdio: 'inherit',
    });
    const [, signal] = await new Promise<[number | null, string | null]>((r) =>
      child.on('exit', (code, sig) => r([code, sig])),
    );
    const before = server.stats().UserRegister.accepted;
    console.log(
      `first run: ${signal} after ${before} calls answered, ${server.state.users.size} users registered`,
    );

    const result = await runImport(server.url, server.appId, server.serverSecret, dir);
    const after = server.stats().UserRegister.accepted - before;
    const uncertain = result.failed.filter((f) => f.mayHaveCommitted).length;
    console.log(`resumed: ${after} calls more, ${server.state.users.size} users registered`);
    console.log(
      `the answer covers all ${users.length}: ${result.requestIds.length} chunks answered, ${uncertain} users in chunks that may have gone out (reported, not resent)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}
