import type { StepName } from './StepName.js';

/**
 * Why each remedy must sit outside the ones after it: the promise an order breaks, keyed
 * `outer>inner` in the order the remedies keep.
 * @internal
 */
export const ORDER_REASONS: Readonly<Record<string, string>> = Object.freeze({
  'retry>throttle':
    "every retry must wait for a limiter slot of its own (inside the throttle, retries go out on the first attempt's slot, over the limit)",
  'retry>sign': 'every retry must be signed anew (fresh nonce, the clock offset learned from the refusal)',
  'retry>classify': 'retry decides on classified outcomes (outside classify, nothing is retryable)',
  'throttle>sign':
    'every requeued attempt must be signed anew, after its wait (a signature made before the queue can expire in it)',
  'throttle>classify': 'the throttle acts on rate-limited answers, which classify tells apart',
  'sign>classify': 'sign learns the clock offset from a classified "signature expired" answer',
});

/**
 * Why a remedy cannot be left out (retry and throttle can: no retries, no limits on this side).
 * @internal
 */
export const REQUIRED_REASONS: Readonly<Partial<Record<StepName, string>>> = Object.freeze({
  sign: 'every attempt must be signed anew (without credentials it passes calls through by itself)',
  classify: 'without it no answer has a category, so nothing is retried, throttled or re-signed',
});
