import { randomBytes } from 'node:crypto';
import { Agent, type Dispatcher, request } from 'undici';
import { afterAll, afterEach } from 'vitest';
import { type MockZimServer, startMockZimServer } from '../../src/mock/index.js';
import { computeSignature } from '../../src/sign/signRequest.js';

/** Where a signed call goes and whose credentials sign it (a `MockZimServer` is one). */
export interface MockTarget {
  readonly url: string;
  readonly appId: number;
  readonly serverSecret: string;
}

/** A ZIM answer body. */
export interface ZimBody {
  Code: number;
  Message: string;
  RequestId: string;
  [field: string]: unknown;
}

/** What the server answered, read whole. */
export interface MockReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The ZIM Code when the body is a JSON object, else undefined. */
  code: number | undefined;
  /** From just before the request to the end of the body. */
  ms: number;
  /** The body parsed as JSON (throws when it is not JSON). */
  json<T = ZimBody>(): T;
}

export interface SignOverrides {
  nonce?: string | undefined;
  /** Sent as is instead of the computed signature. */
  signature?: string | undefined;
}

export interface SendOptions {
  /** GET sends no body; POST (the default) sends `body`. */
  method?: 'GET' | 'POST' | undefined;
  /** The POST body, as is. Default `'{}'`. */
  body?: string | undefined;
  /** A content-type header for the POST body; none by default. */
  contentType?: string | undefined;
  /** Default `'/'`. */
  path?: string | undefined;
}

export interface CallOptions extends SignOverrides {
  /** GET puts the params in the query (arrays as `Name[]=a&Name[]=b`); POST (the default) sends them as JSON. */
  method?: 'GET' | 'POST' | undefined;
  /** A POST body sent as is instead of the params as JSON. */
  rawBody?: string | undefined;
  contentType?: string | undefined;
  /** Default now, in seconds. */
  timestamp?: number | undefined;
}

/** The public parameters of a ZIM call, signed for `target` (at `timestamp`, in seconds, default now). */
export function signedQuery(
  target: MockTarget,
  action: string,
  timestamp = Math.floor(Date.now() / 1000),
  overrides: SignOverrides = {},
): Record<string, string> {
  const nonce = overrides.nonce ?? randomBytes(8).toString('hex');
  return {
    Action: action,
    AppId: String(target.appId),
    SignatureNonce: nonce,
    Timestamp: String(timestamp),
    SignatureVersion: '2.0',
    Signature: overrides.signature ?? computeSignature(target.appId, nonce, target.serverSecret, timestamp),
  };
}

/** Sends `query` (and a body for POST) to `target` and reads the whole answer. */
async function send(
  dispatcher: Dispatcher,
  target: Pick<MockTarget, 'url'>,
  query: Record<string, string> | URLSearchParams,
  options: SendOptions = {},
): Promise<MockReply> {
  const url = `${target.url}${options.path ?? '/'}?${new URLSearchParams(query)}`;
  const started = performance.now();
  const res =
    options.method === 'GET'
      ? await request(url, { dispatcher })
      : await request(url, {
          method: 'POST',
          body: options.body ?? '{}',
          ...(options.contentType !== undefined && { headers: { 'content-type': options.contentType } }),
          dispatcher,
        });
  const text = await res.body.text();
  const code = text.startsWith('{') ? (JSON.parse(text) as { Code: number }).Code : undefined;
  return {
    status: res.statusCode,
    headers: res.headers,
    text,
    code,
    ms: performance.now() - started,
    json: <T>() => JSON.parse(text) as T,
  };
}

/** A signed call of `action` with `params`, as GET (params in the query) or POST (params as JSON). */
function call(
  dispatcher: Dispatcher,
  target: MockTarget,
  action: string,
  params: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<MockReply> {
  const query = new URLSearchParams(signedQuery(target, action, options.timestamp, options));
  if (options.method === 'GET') {
    for (const [k, v] of Object.entries(params)) {
      if (Array.isArray(v)) for (const item of v) query.append(`${k}[]`, String(item));
      else query.append(k, String(v));
    }
  }
  return send(dispatcher, target, query, {
    method: options.method,
    body: options.rawBody ?? JSON.stringify(params),
    contentType: options.contentType,
  });
}

/**
 * A signing client for one test file: its own undici Agent, closed after all the file's tests.
 * Call it at the top level of the file.
 */
export function mockClient(agentOptions: Agent.Options = {}) {
  const agent = new Agent(agentOptions);
  afterAll(() => agent.close());
  return {
    call: (target: MockTarget, action: string, params?: Record<string, unknown>, options?: CallOptions) =>
      call(agent, target, action, params, options),
    send: (target: Pick<MockTarget, 'url'>, query: Record<string, string>, options?: SendOptions) =>
      send(agent, target, query, options),
  };
}

/**
 * A `startMockZimServer` whose servers are closed after each test. Call it at the top level of a file.
 */
export function trackServers(): (
  options?: Parameters<typeof startMockZimServer>[0],
) => Promise<MockZimServer> {
  const servers: MockZimServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (options = {}) => {
    const server = await startMockZimServer(options);
    servers.push(server);
    return server;
  };
}
