import { createHash } from 'node:crypto';

const shas = new Map<string, string>();

/** The SHA1 Redis knows `script` by (EVALSHA), computed once per script. */
export function scriptSha(script: string): string {
  let sha = shas.get(script);
  if (sha === undefined) {
    sha = createHash('sha1').update(script).digest('hex');
    shas.set(script, sha);
  }
  return sha;
}

/** Whether Redis answered that it does not know the script (a restart, SCRIPT FLUSH, a new master). */
export const isNoScript = (error: unknown): boolean =>
  error instanceof Error && error.message.startsWith('NOSCRIPT');
