import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../src/engine/createEngine.js';
import { resolveOptions } from '../src/options/resolveOptions.js';
import type { ZimResilienceOptions } from '../src/options/ZimResilienceOptions.js';
import { parseRetryAfter } from '../src/remedies/classify/parseRetryAfter.js';
import { backoffDelay } from '../src/remedies/retry/backoff.js';
import { RetryBudget } from '../src/remedies/retry/RetryBudget.js';
import { type Script, scriptedSend, transportError } from './helpers/scriptedSend.js';

const creds = { appId: 1, serverSecret: 'secret-value-never-logged' };

function engineWith(options: ZimResilienceOptions = {}) {
  return createEngine(resolveOptions({ ...creds, random: () => 0.5, ...options }));
}

async function runScript(
  script: Script[],
  options: ZimResilienceOptions = {},
  action = 'QueryUserInfos',
  signal?: AbortSignal,
) {
  const engine = engineWith(options);
  const { send, seen } = scriptedSend(script);
  const run = engine.run({ action, params: {}, send, signal });
  return { run, seen, engine };
}

describe('backoff and helpers', () => {
  it('is full jitter under an exponential ceiling, with no floor', () => {
    expect(backoffDelay(1, 100, 5000, () => 0.999)).toBe(99);
    expect(backoffDelay(1, 100, 5000, () => 0)).toBe(0);
    expect(backoffDelay(4, 100, 5000, () => 0.999)).toBe(799);
    expect(backoffDelay(3, 100, 5000, () => 0.5)).toBe(200);
    expect(backoffDelay(10, 100, 5000, () => 0.5)).toBe(2500);
    expect(backoffDelay(10, 100, 5000, () => 0)).toBe(0);
  });

  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });

  it('budget stops retries once half the tokens are spent, and refills on success', () => {
    const budget = new RetryBudget(10, 1);
    const allowed = Array.from({ length: 8 }, () => budget.onFailure());
    expect(allowed).toEqual([true, true, true, true, false, false, false, false]);
    for (let i = 0; i < 3; i++) budget.onSuccess();
    expect(budget.onFailure()).toBe(false); // 2 + 3 - 1 = 4 tokens: not above half
    for (let i = 0; i < 4; i++) budget.onSuccess();
    expect(budget.onFailure()).toBe(true); // 4 + 4 - 1 = 7
  });
});

describe('retry interceptor (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries busy codes with the backoff schedule, then succeeds', async () => {
    const retries: number[] = [];
    const { run, seen } = await runScript([1, 100000015, 0], {
      hooks: { retry: (e) => retries.push(e.delayMs) },
    });
    await vi.advanceTimersByTimeAsync(10_000);
    const { outcome, call } = await run;
    expect(outcome.category).toBe('success');
    expect(call.state.attempts).toBe(3);
    expect(retries).toEqual([50, 100]); // random 0.5 of ceilings 100 and 200
    expect(seen[1]!.at - seen[0]!.at).toBe(50);
    expect(seen[2]!.at - seen[1]!.at).toBe(100);
  });

  it('signs every attempt anew', async () => {
    const { run, seen } = await runScript([1, 1, 0]);
    await vi.advanceTimersByTimeAsync(10_000);
    await run;
    const nonces = new Set(seen.map((s) => s.signed?.SignatureNonce));
    expect(nonces.size).toBe(3);
  });

  it('gives up after maxAttempts and returns the last outcome', async () => {
    const { run } = await runScript([1, 1, 1, 1, 1, 1], { retry: { maxAttempts: 3 } });
    await vi.advanceTimersByTimeAsync(60_000);
    const { outcome, call } = await run;
    expect(outcome.code).toBe(1);
    expect(call.state.attempts).toBe(3);
  });

  it('throws fatal codes after exactly one attempt', async () => {
    const { run, seen } = await runScript([660000002]);
    const { outcome } = await run;
    expect(outcome.category).toBe('fatal');
    expect(seen).toHaveLength(1);
  });

  it('re-signs once on an auth code, without delay, then gives up', async () => {
    const { run, seen } = await runScript([100000004, 100000004, 0]);
    const { outcome } = await run;
    expect(outcome.category).toBe('auth');
    expect(seen).toHaveLength(2);
    expect(seen[1]!.at).toBe(seen[0]!.at);
    expect(outcome.giveUp).toBe('re-signed'); // one re-sign, then refused again
  });

  it('does not re-sign an invalid signature made with a fixed secret: one attempt (issue 33)', async () => {
    const { run, seen } = await runScript([100000005, 0]);
    const { outcome } = await run;
    expect(seen).toHaveLength(1);
    expect(outcome).toMatchObject({ category: 'auth', code: 100000005, giveUp: 'secret-refused' });
  });

  it('re-signs an invalid signature once when the secret is a function (it may have rotated)', async () => {
    let reads = 0;
    const serverSecret = () => `secret-${++reads}`;
    const { run, seen } = await runScript([100000005, 100000005, 0], { serverSecret });
    const { outcome } = await run;
    expect(seen).toHaveLength(2);
    expect(reads).toBe(2);
    expect(outcome.giveUp).toBe('re-signed');
  });

  it('honours Retry-After, capped by maxRetryAfterMs, without jitter', async () => {
    const { run, seen } = await runScript(
      [{ http: 503, headers: { 'retry-after': '3' } }, { http: 503, headers: { 'retry-after': '3600' } }, 0],
      {
        retry: { maxRetryAfterMs: 5000 },
      },
    );
    await vi.advanceTimersByTimeAsync(10_000);
    const { outcome } = await run;
    expect(outcome.category).toBe('success');
    expect(seen[1]!.at - seen[0]!.at).toBe(3000);
    expect(seen[2]!.at - seen[1]!.at).toBe(5000);
  });

  it('stops at the deadline: no retry whose delay would pass it', async () => {
    const { run, seen } = await runScript([1, 1, 1, 1, 1, 1, 1, 1], {
      retry: { deadlineMs: 1000, minDelayMs: 400, maxDelayMs: 400, maxAttempts: 10 },
      random: () => 0.999, // 399 ms each
    });
    await vi.advanceTimersByTimeAsync(10_000);
    const { outcome } = await run;
    expect(outcome.code).toBe(1);
    expect(seen.map((s) => s.at - seen[0]!.at)).toEqual([0, 399, 798]);
  });

  it('aborts a backoff sleep with the signal reason', async () => {
    const controller = new AbortController();
    const { run, seen } = await runScript(
      [1, 0],
      { retry: { minDelayMs: 5000, maxDelayMs: 5000 } },
      'QueryUserInfos',
      controller.signal,
    );
    const settled = run.catch((e) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(new Error('user gave up'));
    expect(((await settled) as Error).message).toBe('user gave up');
    expect(seen).toHaveLength(1);
  });

  it('retries a transport error before writing for any action, after writing only when idempotent', async () => {
    const before = await runScript([transportError('ECONNREFUSED'), 0], {}, 'SendPeerMessage');
    await vi.advanceTimersByTimeAsync(1000);
    expect((await before.run).outcome.category).toBe('success');

    const after = await runScript([transportError('ECONNRESET'), 0], {}, 'SendPeerMessage');
    const { outcome } = await after.run;
    expect(outcome.category).toBe('fatal');
    expect(outcome.mayHaveCommitted).toBe(true);
    expect(after.seen).toHaveLength(1);

    const query = await runScript([transportError('ECONNRESET'), 0], {}, 'QueryUserInfos');
    await vi.advanceTimersByTimeAsync(1000);
    expect((await query.run).outcome.category).toBe('success');

    const allowed = await runScript(
      [transportError('ECONNRESET'), 0],
      { idempotent: { SendPeerMessage: true } },
      'SendPeerMessage',
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect((await allowed.run).outcome.category).toBe('success');
  });

  it('abandons an attempt after attemptTimeoutMs', async () => {
    const engine = engineWith({ retry: { attemptTimeoutMs: 500 } });
    let attempts = 0;
    const run = engine.run({
      action: 'QueryUserInfos',
      params: {},
      send: (_signed, signal) => {
        attempts++;
        if (attempts === 2)
          return Promise.resolve({
            status: 200,
            header: () => undefined,
            text: '{"Code":0}',
            truncated: false,
          });
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      },
    });
    await vi.advanceTimersByTimeAsync(2000);
    const { outcome } = await run;
    expect(outcome.category).toBe('success');
    expect(attempts).toBe(2);
  });

  it('the budget keeps a failing server from getting maxAttempts per call', async () => {
    const engine = engineWith({ retry: { budget: { maxTokens: 10, tokenRatio: 0.1 }, maxAttempts: 5 } });
    let sent = 0;
    const send = async () => {
      sent++;
      return { status: 200, header: () => undefined, text: '{"Code":1}', truncated: false };
    };
    for (let i = 0; i < 20; i++) {
      const run = engine.run({ action: 'QueryUserInfos', params: {}, send });
      await vi.advanceTimersByTimeAsync(30_000);
      await run;
    }
    // Without a budget: 20 x 5 = 100 attempts. With it: 4 retries, then one attempt per call.
    expect(sent).toBe(20 + 4);
  });

  it('close() rejects waiting calls with ZimClosedError', async () => {
    const { run, engine } = await runScript([1, 0], { retry: { minDelayMs: 5000, maxDelayMs: 5000 } });
    const settled = run.catch((e) => e);
    await vi.advanceTimersByTimeAsync(10);
    await engine.close();
    const error = (await settled) as Error;
    expect(error.name).toBe('ZimClosedError');
    expect(error.message).toContain('QueryUserInfos');
  });
});
