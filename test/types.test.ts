import diagnostics from 'node:diagnostics_channel';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { CallHandler } from '../src/core/Interceptor.js';
import {
  type Category,
  classifyCode,
  createZimClient,
  type Interceptor,
  type Outcome,
  type RetryEvent,
  resilientFetch,
  type ZimAction,
  type ZimAnswer,
  type ZimApiError,
  type ZimBody,
  type ZimCall,
  type ZimClient,
  type ZimParams,
  zimInterceptor,
} from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';

describe('public types', () => {
  it('client, errors and interceptors have the documented shapes', () => {
    expectTypeOf(classifyCode).returns.toEqualTypeOf<Category>();
    expectTypeOf<ZimClient['call']>().returns.resolves.toMatchTypeOf<{ Code: number }>();
    expectTypeOf<ZimApiError>().toHaveProperty('code').toEqualTypeOf<number>();
    expectTypeOf<ZimApiError>().toHaveProperty('requestId').toEqualTypeOf<string | undefined>();
    expectTypeOf<ZimApiError>().toHaveProperty('attempts').toEqualTypeOf<number>();
    expectTypeOf<RetryEvent>().toHaveProperty('delayMs').toEqualTypeOf<number>();
    expectTypeOf(resilientFetch(fetch)).toMatchTypeOf<typeof fetch>();
    expectTypeOf(zimInterceptor()).parameter(0).toBeFunction();
    // an interceptor takes the rest of the chain and returns a handler of calls to outcomes
    expectTypeOf<Interceptor>().parameter(0).toEqualTypeOf<CallHandler>();
    expectTypeOf<Interceptor>().returns.toEqualTypeOf<CallHandler>();
    expectTypeOf<CallHandler>().parameter(0).toEqualTypeOf<ZimCall>();
    expectTypeOf<CallHandler>().returns.resolves.toEqualTypeOf<Outcome>();
    expectTypeOf<ZimCall['state']['attempts']>().toEqualTypeOf<number>();
    // @ts-expect-error a handler must resolve with an Outcome, not the body
    const wrong: Interceptor = (next) => async (call) => (await next(call)).body;
    expect(wrong).toBeTypeOf('function');
  });

  it('rejects wrong options at compile time too', () => {
    // @ts-expect-error appId is required
    expect(() => createZimClient({ serverSecret: 's' })).toThrow(TypeError);
    // @ts-expect-error maxAttempts is a number
    const badRetry = () => createZimClient({ appId: 1, serverSecret: 's', retry: { maxAttempts: '3' } });
    expect(badRetry).toThrow(/retry\.maxAttempts/);
    const badScope = { SendPeerMessage: { perSecond: 1, scope: 'x' } };
    // @ts-expect-error scope is app, group or room
    const badLimit = () => createZimClient({ appId: 1, serverSecret: 's', limits: badScope });
    expect(badLimit).toThrow(/scope/);
  });
});

describe('the typed call', () => {
  const message: ZimParams<'SendPeerMessage'> = {
    FromUserId: 'u1',
    ToUserId: ['u2'],
    MessageType: 1,
    Priority: 1,
    MessageBody: { Message: 'hi' },
  };
  // Never run: these lines are checked by the compiler only.
  const compileOnly = async (zim: ZimClient) => {
    // @ts-expect-error a misspelt action
    await zim.call('UserRegistr', { UserInfo: [{ UserId: 'u1' }] });
    // @ts-expect-error a wrong parameter type: UserInfo is a list of users
    await zim.call('UserRegister', { UserInfo: 'ann' });
    // @ts-expect-error a wrong enum value: Priority is 1, 2 or 3
    await zim.call('SendPeerMessage', { ...message, Priority: 4 });
    // @ts-expect-error a field the documents do not have
    await zim.call('QueryUserInfos', { UserIds: ['u1'], Limit: 1 });

    const body = await zim.call('UserRegister', { UserInfo: [{ UserId: 'u1', UserName: 'Ann' }] });
    expectTypeOf(body).toEqualTypeOf<ZimAnswer<'UserRegister'>>();
    expectTypeOf(body.Code).toEqualTypeOf<number>();
    // Batch answers: ErrorList typed.
    expectTypeOf(body.ErrorList).toEqualTypeOf<
      { UserId?: string; SubCode?: number; SubMessage?: string }[] | undefined
    >();
    // @ts-expect-error an answer field the documents do not have
    body.SuccList;
    const sent = await zim.call('SendPeerMessage', message);
    expectTypeOf(sent.SuccList).toEqualTypeOf<
      { UserId?: string; MsgId?: string; MsgSeq?: number }[] | undefined
    >();
  };

  it('checks action names, parameters and answers', () => {
    expectTypeOf(compileOnly).toBeFunction();
  });

  it('checks action names in limits and idempotent; customActions lets one more in', () => {
    const o = { appId: 1, serverSecret: 's' };
    // @ts-expect-error a misspelt action in limits
    expect(() => createZimClient({ ...o, limits: { UserRegistr: { perSecond: 5 } } })).toThrow(
      /did you mean UserRegister\?/,
    );
    // @ts-expect-error a misspelt action in idempotent
    expect(() => createZimClient({ ...o, idempotent: { SendPeerMesage: true } })).toThrow(
      /did you mean SendPeerMessage\?/,
    );
    const zim = createZimClient({
      ...o,
      customActions: ['NewAction'],
      limits: { NewAction: { perSecond: 5 }, UserRegister: { perSecond: 10 } },
      idempotent: { NewAction: true },
      hooks: { settled: (e) => expectTypeOf(e.action).toEqualTypeOf<ZimAction | 'NewAction'>() },
    });
    expectTypeOf(zim.call<'NewAction'>)
      .parameter(1)
      .toEqualTypeOf<Readonly<Record<string, unknown>> | undefined>();
    expectTypeOf(zim.call<'NewAction'>).returns.resolves.toEqualTypeOf<ZimBody>();
    const typo = () =>
      // @ts-expect-error customActions does not open limits to every name
      createZimClient({ ...o, customActions: ['NewAction'], limits: { NewActon: false } });
    expect(typo).toThrow(/got "NewActon": did you mean NewAction\?/);
    // @ts-expect-error nor call
    expectTypeOf(() => zim.call('NewActon', {})).toBeFunction();
    return zim.close();
  });
});

describe('events', () => {
  let server: MockZimServer | undefined;
  afterEach(async () => server?.close());

  it('reach hooks and node:diagnostics_channel as frozen objects, with no secret', async () => {
    server = await startMockZimServer();
    const fromHooks: string[] = [];
    const fromChannel: unknown[] = [];
    const onRetry = (message: unknown) => fromChannel.push(message);
    diagnostics.subscribe('zim-resilience:retry', onRetry);
    const client = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      retry: { minDelayMs: 1, maxDelayMs: 1, maxAttempts: 2 },
      hooks: {
        attempt: (e) => fromHooks.push(`attempt ${e.attempt}`),
        retry: (e) => {
          expect(Object.isFrozen(e)).toBe(true);
          fromHooks.push(`retry ${e.category} ${e.reason}`);
        },
        giveUp: (e) => fromHooks.push(`giveUp ${e.category} ${e.reason} after ${e.attempts}: ${e.giveUp}`),
        settled: (e) => fromHooks.push(`settled ${e.category}`),
      },
    });
    try {
      server.script('QueryUserInfos', [{ code: 1 }, { code: 1 }]);
      await client.call('QueryUserInfos', { UserIds: ['a'] }).catch(() => {});
      expect(fromHooks).toEqual([
        'attempt 1',
        'retry retryable code 1',
        'attempt 2',
        'settled retryable',
        'giveUp retryable code 1 after 2: max-attempts',
      ]);
      expect(fromChannel).toHaveLength(1);
      expect(JSON.stringify(fromChannel)).not.toContain(server.serverSecret);
    } finally {
      diagnostics.unsubscribe('zim-resilience:retry', onRetry);
      await client.close();
    }
  });

  it('a throwing hook never breaks a call', async () => {
    server = await startMockZimServer();
    const client = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      hooks: {
        attempt: () => {
          throw new Error('bad hook');
        },
      },
    });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      expect((await client.call('QueryUserInfos', { UserIds: ['a'] })).Code).toBe(0);
      await new Promise((r) => setImmediate(r));
      expect(warnings.some((w) => w.includes('bad hook'))).toBe(true);
    } finally {
      process.off('warning', onWarning);
      await client.close();
    }
  });
});

describe('the fetch and undici doors', () => {
  it('take customActions and check action names in limits too', () => {
    const f = resilientFetch(fetch, { customActions: ['NewAction'], limits: { NewAction: false } });
    expectTypeOf(f).toMatchTypeOf<typeof fetch>();
    expect(() =>
      // @ts-expect-error a misspelt action in the fetch door's limits
      resilientFetch(fetch, { limits: { SendPeerMesage: false } }),
    ).toThrow(/did you mean SendPeerMessage\?/);
    expect(() =>
      // @ts-expect-error a misspelt action in the undici door's idempotent
      zimInterceptor({ idempotent: { QueryUserInfo: true } }),
    ).toThrow(/did you mean QueryUserInfos\?/);
    return f.close();
  });
});
