import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../src/engine/createEngine.js';
import { resolveOptions } from '../src/options/resolveOptions.js';
import { answer } from './helpers/scriptedSend.js';

const creds = { appId: 1, serverSecret: 'secret' };

describe('bad options are TypeErrors that name the option (item 12)', () => {
  it.each([
    ['baseUrl with a query', { baseUrl: 'https://zim-api.zego.im/?x=1' }, /baseUrl.*query/],
    ['baseUrl with a fragment', { baseUrl: 'https://zim-api.zego.im/#top' }, /baseUrl.*fragment/],
    ['appId above uint32', { appId: 2 ** 40 }, /appId.*4294967295.*1099511627776/],
    ['NaN echoed as NaN', { retry: { maxDelayMs: Number.NaN } }, /retry\.maxDelayMs.*got NaN/],
    ['Infinity echoed as Infinity', { maxBodyBytes: Number.POSITIVE_INFINITY }, /maxBodyBytes.*got Infinity/],
    ['a limit of NaN', { limits: { UserRegister: { perSecond: Number.NaN } } }, /perSecond.*got NaN/],
    ['random returning 1', { random: () => 1 }, /random.*\[0, 1\).*got 1/],
    ['random returning a string', { random: () => 'x' }, /random.*got "x"/],
  ])('%s', (_name, extra, message) => {
    expect(() => resolveOptions({ ...creds, ...extra })).toThrow(TypeError);
    expect(() => resolveOptions({ ...creds, ...extra })).toThrow(message);
  });

  it('the largest uint32 AppId is accepted', () => {
    expect(resolveOptions({ ...creds, appId: 4294967295 }).appId).toBe(4294967295);
  });

  describe('random checked where it is used too', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });
    it('a random() that goes wrong later rejects the call with a TypeError', async () => {
      let n = 0;
      const engine = createEngine(resolveOptions({ ...creds, random: () => (n++ === 0 ? 0.5 : 7) }));
      const run = engine.run({ action: 'QueryUserInfos', params: {}, send: async () => answer(1) });
      const settled = run.catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1000);
      const error = await settled;
      expect(error).toBeInstanceOf(TypeError);
      expect(String(error)).toMatch(/random.*got 7/);
      await engine.close();
    });
  });
});

describe('any positive rate (item 13)', () => {
  it('perSecond 0.5 is one call per 2 s window', () => {
    const limit = resolveOptions({ ...creds, limits: { UserRegister: { perSecond: 0.5 } } }).limits.get(
      'UserRegister',
    );
    expect(limit).toMatchObject({ perSecond: 0.5, burst: 1 });
  });

  it('perSecond 2.5 is accepted too', () => {
    expect(
      resolveOptions({ ...creds, limits: { UserRegister: { perSecond: 2.5 } } }).limits.get('UserRegister'),
    ).toMatchObject({ perSecond: 2.5, burst: 2 });
  });

  it('a burst above the rate is still refused', () => {
    expect(() =>
      resolveOptions({ ...creds, limits: { UserRegister: { perSecond: 0.5, burst: 2 } } }),
    ).toThrow(/limits\.UserRegister\.burst/);
  });

  describe('with fake timers', () => {
    beforeEach(() => {
      vi.useFakeTimers({ now: 1_700_000_000_000 });
    });
    afterEach(() => {
      vi.useRealTimers();
    });
    it('0.5/s sends one call per 2 s', async () => {
      const engine = createEngine(resolveOptions({ ...creds, limits: { UserRegister: { perSecond: 0.5 } } }));
      const sentAt: number[] = [];
      const runs = Array.from({ length: 4 }, () =>
        engine.run({
          action: 'UserRegister',
          params: {},
          send: async () => {
            sentAt.push(Date.now());
            return answer(0);
          },
        }),
      );
      await vi.advanceTimersByTimeAsync(10_000);
      await Promise.all(runs);
      const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]!);
      for (const gap of gaps) {
        expect(gap).toBeGreaterThanOrEqual(2000);
        expect(gap).toBeLessThan(2100);
      }
      await engine.close();
    });
  });
});
