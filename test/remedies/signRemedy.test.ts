// The sign remedy alone, driven with a fake `next` (no server): it owns the clock offset.
import { describe, expect, it } from 'vitest';
import type { ZimCall } from '../../src/core/Call.js';
import type { Outcome } from '../../src/core/Outcome.js';
import type { RawResponse } from '../../src/core/RawResponse.js';
import { resolveOptions } from '../../src/options/resolveOptions.js';
import { signRemedy } from '../../src/remedies/sign/signRemedy.js';
import { fakeCall, fakeNext, ok } from '../helpers/fakeCall.js';

const WALL = 1_700_000_000_000;
const clock = {
  now: () => 0,
  wallNow: () => WALL,
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as never),
};
const signWith = () => signRemedy(resolveOptions({ appId: 1, serverSecret: 'secret-value', clock }));
const expiredAt = (serverNow: number): Outcome => ({
  category: 'auth',
  code: 100000004,
  response: {
    status: 200,
    header: (n: string) => (n === 'date' ? new Date(serverNow).toUTCString() : undefined),
    text: '',
    truncated: false,
  } as RawResponse,
});

describe('sign, alone', () => {
  it('is the step named sign', () => {
    expect(signWith().step).toBe('sign');
  });

  it('signs every attempt anew, and never changes the call it was given', async () => {
    const { next, calls } = fakeNext([ok]);
    const handler = signWith()(next);
    const call = fakeCall();
    await handler(call);
    await handler(call);
    expect(call.signed).toBeUndefined();
    expect(calls[0]!.signed?.Timestamp).toBe(String(WALL / 1000));
    expect(calls[0]!.signed?.SignatureNonce).not.toBe(calls[1]!.signed?.SignatureNonce);
  });

  it('learns the offset from "signature expired", tells it on the outcome, and signs the next attempt with it', async () => {
    const { next, calls } = fakeNext([expiredAt(WALL - 700_000), ok]);
    const handler = signWith()(next);
    const first = await handler(fakeCall());
    expect(first.clockOffsetMs).toBe(-700_000);
    await handler(fakeCall());
    expect((calls[1] as ZimCall).signed?.Timestamp).toBe(String((WALL - 700_000) / 1000));
  });

  it('two clients: each owns its offset', async () => {
    const a = signWith()(fakeNext([expiredAt(WALL + 60_000)]).next);
    await a(fakeCall());
    const { next, calls } = fakeNext([ok]);
    await signWith()(next)(fakeCall());
    expect(calls[0]!.signed?.Timestamp).toBe(String(WALL / 1000));
  });

  it('without credentials it passes calls through as they are', async () => {
    const { next, calls } = fakeNext([ok]);
    const call = fakeCall();
    await signRemedy(resolveOptions({}))(next)(call);
    expect(calls[0]).toBe(call);
  });
});
