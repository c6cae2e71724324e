// The classify remedy alone, driven with a fake `next` (raw answers, no server): it keeps no state.
import { describe, expect, it } from 'vitest';
import type { CallHandler } from '../../src/core/Interceptor.js';
import { resolveOptions } from '../../src/options/resolveOptions.js';
import { classifyRemedy } from '../../src/remedies/classify/classifyRemedy.js';
import { fakeCall } from '../helpers/fakeCall.js';
import { answer, transportError } from '../helpers/scriptedSend.js';

const classify = classifyRemedy(resolveOptions({}));
const raw =
  (code: number, headers: Record<string, string> = {}): CallHandler =>
  async () => ({
    category: 'success',
    response: answer(code, headers),
  });
const failing =
  (error: Error): CallHandler =>
  async () => {
    throw error;
  };

describe('classify, alone', () => {
  it('is the step named classify', () => {
    expect(classify.step).toBe('classify');
  });

  it.each([
    [0, 'success'],
    [1, 'retryable'],
    [660700001, 'rate-limited'],
    [100000004, 'auth'],
    [660000002, 'fatal'],
  ] as const)('Code %i is %s', async (code, category) => {
    const outcome = await classify(raw(code))(fakeCall());
    expect(outcome.category).toBe(category);
    expect(outcome.code).toBe(code);
  });

  it('reads Retry-After into a fact', async () => {
    const outcome = await classify(raw(1, { 'retry-after': '3' }))(fakeCall());
    expect(outcome.retryAfterMs).toBe(3000);
  });

  it('a reset after writing: retryable for an idempotent action, fatal and mayHaveCommitted for another', async () => {
    const reset = transportError('ECONNRESET');
    const query = await classify(failing(reset))(fakeCall({ idempotent: true }));
    expect(query).toMatchObject({ category: 'retryable', error: reset, mayHaveCommitted: true });
    const send = await classify(failing(reset))(fakeCall({ idempotent: false }));
    expect(send).toMatchObject({ category: 'fatal', mayHaveCommitted: true });
  });

  it('refused before writing: retryable, and nothing was committed', async () => {
    const outcome = await classify(failing(transportError('ECONNREFUSED')))(fakeCall({ idempotent: false }));
    expect(outcome).toMatchObject({ category: 'retryable', mayHaveCommitted: false });
  });

  it('an aborted call is not an outcome: its reason is thrown', async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(
      classify(failing(transportError('ECONNRESET')))(fakeCall({ signal: controller.signal })),
    ).rejects.toBe(reason);
  });
});
