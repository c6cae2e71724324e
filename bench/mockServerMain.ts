/**
 * The child process that hosts the mock servers of the bench, so that their CPU is not the
 * client's: the parent drives it over IPC (`RemoteMock.ts`). One message in, one answer out.
 */
import type { MockZimServer, MockZimServerOptions } from '../src/mock/index.js';
import { startMockZimServer } from '../src/mock/index.js';
import type { MockRequest, MockResponse } from './MockMessages.js';

const servers = new Map<number, MockZimServer>();
let nextId = 1;

async function handle(message: MockRequest): Promise<unknown> {
  if (message.op === 'start') {
    const server = await startMockZimServer(message.options as MockZimServerOptions);
    const id = nextId++;
    servers.set(id, server);
    return { id, url: server.url, appId: server.appId, serverSecret: server.serverSecret };
  }
  const server = servers.get(message.id);
  if (!server) throw new Error(`no mock server ${message.id}`);
  switch (message.op) {
    case 'stats':
      return server.stats()[message.action];
    case 'resetStats':
      return server.resetStats();
    case 'setFaults':
      return server.setFaults(message.faults);
    case 'close':
      servers.delete(message.id);
      return server.close();
  }
}

process.on('message', (message: MockRequest) => {
  handle(message).then(
    (result) => process.send?.({ seq: message.seq, ok: true, result } satisfies MockResponse),
    (error: unknown) =>
      process.send?.({ seq: message.seq, ok: false, error: String(error) } satisfies MockResponse),
  );
});
process.on('disconnect', () => process.exit(0));
