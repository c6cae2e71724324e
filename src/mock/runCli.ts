import type { Writable } from 'node:stream';
import type { MockZimServer } from './MockZimServer.js';
import { CLI_USAGE, parseCliArgs } from './parseCliArgs.js';
import { startMockZimServer } from './startMockZimServer.js';

/** Where the CLI writes, and which process it stops with (injectable for tests). */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Receives SIGINT / SIGTERM. @default process */
  readonly signals: Pick<NodeJS.Process, 'once' | 'off'>;
}

/** What `runCli` ended with: an exit code, or a running server (stopped by SIGINT / SIGTERM). */
export type CliResult =
  | { readonly exitCode: number }
  | { readonly server: MockZimServer; readonly stopped: Promise<void> };

/**
 * `zim-resilience-mock`: parses the arguments, starts the server, prints the URL (first line),
 * the AppId and the ServerSecret (it is a test server), the `baseUrl` a client takes (it wins over
 * `region`), and closes on SIGINT / SIGTERM.
 */
export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<CliResult> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const signals = io.signals ?? process;
  let server: MockZimServer;
  let callbackLine = '';
  let adminLine = '';
  try {
    const command = parseCliArgs(argv);
    if (command.help) {
      stdout.write(CLI_USAGE);
      return { exitCode: 0 };
    }
    server = await startMockZimServer(command.options);
    // Where the callbacks go; their secret is never printed.
    if (command.options.callbackUrl !== undefined)
      callbackLine = `Callbacks: POST ${command.options.callbackUrl}\n`;
    if (command.options.admin !== false) adminLine = `Admin: GET ${server.url}/_mock/stats (docs/mock.md)\n`;
  } catch (error) {
    stderr.write(`zim-resilience-mock: ${(error as Error).message}\n\n${CLI_USAGE}`);
    return { exitCode: 2 };
  }
  stdout.write(
    `${server.url}\nAppId: ${server.appId}\nServerSecret: ${server.serverSecret}\n${callbackLine}${adminLine}` +
      `A client's options: { baseUrl: '${server.url}' } (baseUrl wins over region)\n` +
      'Press Ctrl+C to stop.\n',
  );
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      signals.off('SIGINT', stop);
      signals.off('SIGTERM', stop);
      stdout.write(`Stopping (${signal}).\n`);
      server.close().then(resolve, resolve);
    };
    signals.once('SIGINT', stop);
    signals.once('SIGTERM', stop);
  });
  return { server, stopped };
}
