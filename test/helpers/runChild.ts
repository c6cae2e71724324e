import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root: where every child runs. */
export const root = resolve(import.meta.dirname, '../..');

/** What a child printed, and how it ended. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Killed with SIGKILL after this long. @default 90_000 */
  readonly timeoutMs?: number;
  /** Called with all of stdout so far on every chunk; `kill` ends the child with SIGTERM. */
  readonly onStdout?: (text: string, kill: () => void) => void;
  /** Where the child runs. @default the repository root */
  readonly cwd?: string;
  /** Variables set for the child, over `childEnv()`. */
  readonly env?: Readonly<Record<string, string>>;
}

/** The environment of a child: without the variables of the vitest running us, and without colours. */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_OPTIONS') delete env[key];
  return env;
}

/** Runs `command ...args` (in the repository root unless `cwd` says otherwise); kills it (and only it) after the timeout. */
export function runChild(command: string, args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const { timeoutMs = 90_000, onStdout, cwd = root, env } = options;
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...childEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      onStdout?.(stdout, () => child.kill('SIGTERM'));
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** Runs `node ...args` (this Node) in the repository root. */
export const runNode = (args: readonly string[], options?: RunOptions): Promise<Run> =>
  runChild(process.execPath, args, options);
