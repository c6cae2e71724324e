// Retry's decision, pure: a table of (outcome, where the call stands, budget, deadline left) ->
// retry after N ms or give up because R. No timer, no clock, no engine.
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/Outcome.js';
import type { Decision } from '../../src/remedies/retry/Decision.js';
import { decide, type RetryAttempt } from '../../src/remedies/retry/decide.js';

const policy = { maxAttempts: 5, minDelayMs: 100, maxDelayMs: 5000, maxRetryAfterMs: 30_000 };
const busy: Outcome = { category: 'retryable', code: 1 };
const at = (retries: number, jitter = 0.5, resigns = 0): RetryAttempt => ({ retries, resigns, jitter });
const retryIn = (delayMs: number): Decision => ({ kind: 'retry', delayMs, resign: false });
const giveUp = (reason: string) => ({ kind: 'give-up', reason });

const table: [string, Outcome, RetryAttempt, boolean | undefined, number | undefined, Decision | object][] = [
  ['success is done', { category: 'success', code: 0 }, at(0), true, undefined, { kind: 'done' }],
  [
    'fatal is done, never retried',
    { category: 'fatal', code: 660000002 },
    at(0),
    true,
    undefined,
    { kind: 'done' },
  ],
  [
    'an outcome a remedy inside gave up is done (rate-limited, the throttle requeued it)',
    { category: 'rate-limited', code: 660700001, giveUp: 'max-requeues', requeues: 10 },
    at(0),
    true,
    undefined,
    { kind: 'done' },
  ],
  ['busy, first retry: full jitter in [0, 100): half of it', busy, at(0), true, undefined, retryIn(50)],
  ['busy, third retry: ceiling 400', busy, at(2, 0.25), true, undefined, retryIn(100)],
  ['busy, fourth retry: ceiling 800', busy, at(3, 0.999, 0), true, undefined, retryIn(799)],
  ['jitter 0: no floor, at once', busy, at(0, 0), true, undefined, retryIn(0)],
  [
    'busy after 4 retries: the 5th attempt was the last',
    busy,
    at(4),
    true,
    undefined,
    giveUp('max-attempts'),
  ],
  ['budget says no', busy, at(0), false, undefined, giveUp('budget')],
  ['no budget at all (off): retried', busy, at(0), undefined, undefined, retryIn(50)],
  ['the delay reaches the deadline', busy, at(0, 0.5), true, 50, giveUp('deadline')],
  ['the delay ends before the deadline', busy, at(0, 0.5), true, 51, retryIn(50)],
  [
    'Retry-After wins, not jittered',
    { category: 'retryable', retryAfterMs: 3000 },
    at(0, 0.9),
    true,
    undefined,
    retryIn(3000),
  ],
  [
    'Retry-After capped by maxRetryAfterMs',
    { category: 'retryable', retryAfterMs: 3_600_000 },
    at(0),
    true,
    undefined,
    retryIn(30_000),
  ],
  [
    'rate-limited without a throttle (not given up): backed off like retryable',
    { category: 'rate-limited', code: 660700001 },
    at(1, 0.5),
    true,
    undefined,
    retryIn(100),
  ],
  [
    'auth: one re-sign at once, not counted as a retry',
    { category: 'auth', code: 100000004 },
    at(4),
    false,
    0,
    { kind: 'retry', delayMs: 0, resign: true },
  ],
  [
    'auth again after a re-sign',
    { category: 'auth', code: 100000004 },
    at(0, 0.5, 1),
    true,
    undefined,
    giveUp('re-signed'),
  ],
];

describe('decide', () => {
  for (const [what, outcome, attempt, budget, deadline, expected] of table) {
    it(what, () => {
      expect(decide(policy, outcome, attempt, budget, deadline)).toEqual(expected);
    });
  }

  it('is pure: the same inputs give the same decision, and nothing given is changed', () => {
    const outcome = Object.freeze({ ...busy });
    const attempt = Object.freeze(at(1, 0.3));
    const first = decide(policy, outcome, attempt, true, 10_000);
    expect(decide(policy, outcome, attempt, true, 10_000)).toEqual(first);
  });
});
