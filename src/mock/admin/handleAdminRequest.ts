import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockZimServer } from '../MockZimServer.js';
import type { MockFaults } from '../MockZimServerOptions.js';
import { validateFaults } from '../validateOptions.js';
import { MOCK_ADMIN_PATHS } from './MOCK_ADMIN_PATHS.js';
import { recordsOf } from './recordsOf.js';

const MAX_BODY_BYTES = 64 * 1024;

/** Whether a request is for the admin endpoint (its path starts with `/_mock/`). */
export const isAdminPath = (url: string | undefined): boolean => (url ?? '').startsWith('/_mock/');

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY_BYTES)
      throw new TypeError(`expected a body of at most ${MAX_BODY_BYTES} bytes`);
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new TypeError('expected a JSON body');
  }
}

/**
 * Answers one request of the admin endpoint (see {@link MOCK_ADMIN_PATHS}) from the server's
 * own methods: what a process that did not start the mock reads and sets. JSON in, JSON out;
 * a wrong body is a 400 `{ error }`, an unknown route a 404 naming the routes.
 */
export async function handleAdminRequest(
  server: MockZimServer,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  const route = `${req.method} ${path}`;
  try {
    switch (route) {
      case `GET ${MOCK_ADMIN_PATHS.stats}`:
        return answer(res, 200, server.stats());
      case `GET ${MOCK_ADMIN_PATHS.records}`:
        return answer(res, 200, recordsOf(server.state));
      case `GET ${MOCK_ADMIN_PATHS.callbacks}`:
        return answer(res, 200, server.callbacks());
      case `POST ${MOCK_ADMIN_PATHS.faults}`: {
        const faults = ((await readJson(req)) ?? {}) as MockFaults;
        const resolved = validateFaults(faults); // a wrong one is a 400 naming it
        server.setFaults(faults);
        return answer(res, 200, { faults: resolved });
      }
      case `POST ${MOCK_ADMIN_PATHS.reset}`:
        await readJson(req);
        server.resetStats();
        return answer(res, 200, { reset: 'stats' });
      default: {
        const routes = [
          `GET ${MOCK_ADMIN_PATHS.stats}`,
          `GET ${MOCK_ADMIN_PATHS.records}`,
          `GET ${MOCK_ADMIN_PATHS.callbacks}`,
          `POST ${MOCK_ADMIN_PATHS.faults}`,
          `POST ${MOCK_ADMIN_PATHS.reset}`,
        ];
        return answer(res, 404, { error: `no admin route ${route} (routes: ${routes.join(', ')})` });
      }
    }
  } catch (error) {
    if (error instanceof TypeError) return answer(res, 400, { error: error.message });
    throw error;
  }
}
