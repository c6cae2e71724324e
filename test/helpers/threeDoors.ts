import { Agent, type Dispatcher, request, fetch as undiciFetch } from 'undici';
import { createZimClient, resilientFetch, zimInterceptor } from '../../src/index.js';
import { signedUrl } from './signedUrl.js';

/** A ZIM call through one door: resolves with the answer's body, rejects as the door does. */
type DoorCall = (action: string, params: object) => Promise<Record<string, unknown>>;

export interface Door {
  readonly name: 'createZimClient' | 'resilientFetch' | 'zimInterceptor';
  readonly call: DoorCall;
  close(): Promise<void>;
}

export interface DoorSetup {
  readonly baseUrl: string;
  readonly appId: number;
  readonly serverSecret: string;
  readonly retry?: {
    maxAttempts?: number;
    minDelayMs?: number;
    maxDelayMs?: number;
    attemptTimeoutMs?: number;
    deadlineMs?: number;
  };
  /** What the fetch door wraps instead (else undici's fetch through `dispatcher`, or the global one). */
  readonly fetch?: typeof fetch;
  /** What each door sends through (the fetch door through undici's fetch); none: their defaults (the global fetch). */
  readonly dispatcher?: Dispatcher;
}

/** The three doors onto one engine, set up alike, each as a user would call it. */
export function threeDoors(setup: DoorSetup): Door[] {
  const { baseUrl, appId, serverSecret, dispatcher } = setup;
  const options = { baseUrl, appId, serverSecret, retry: { minDelayMs: 1, maxDelayMs: 5, ...setup.retry } };
  const post = (params: object) => ({
    method: 'POST' as const,
    body: JSON.stringify(params),
    headers: { 'content-type': 'application/json' },
  });
  const url = (action: string) => signedUrl(baseUrl, action, appId, serverSecret);

  const client = createZimClient({ ...options, ...(dispatcher && { dispatcher }) });
  const fetchImpl: typeof fetch = setup.fetch
    ? setup.fetch
    : dispatcher
      ? (((input: string | URL, init: RequestInit) =>
          undiciFetch(input, { ...(init as object), dispatcher })) as unknown as typeof fetch)
      : fetch;
  const f = resilientFetch(fetchImpl, options);
  const interceptor = zimInterceptor(options);
  const own = dispatcher ? undefined : new Agent();
  const composed = (dispatcher ?? own!).compose(interceptor);

  return [
    {
      name: 'createZimClient',
      call: (action, params) => client.call(action as 'QueryUserInfos', params as never) as never,
      close: () => client.close(),
    },
    {
      name: 'resilientFetch',
      call: async (action, params) => (await (await f(url(action), post(params))).json()) as never,
      close: () => f.close(),
    },
    {
      name: 'zimInterceptor',
      call: async (action, params) =>
        (await (await request(url(action), { ...post(params), dispatcher: composed })).body.json()) as never,
      close: async () => {
        await interceptor.close();
        await own?.close();
      },
    },
  ];
}

/** A SendPeerMessage from u1 to u2, and a QueryUserInfos of u1. */
export const SEND = {
  FromUserId: 'u1',
  ToUserId: ['u2'],
  MessageType: 1,
  Priority: 1,
  MessageBody: { Message: 'hi' },
};
export const QUERY = { UserIds: ['u1'] };
