import type { EventSink } from '../events/EventSink.js';
import type { LimiterRegistry } from '../limits/LimiterRegistry.js';
import type { ResolvedOptions } from '../options/resolveOptions.js';
import type { RetryBudget } from '../retry/RetryBudget.js';

/** The state one client owns and its interceptors share. Nothing of it lives at module level. */
export interface EngineContext {
  readonly options: ResolvedOptions;
  readonly limiters: LimiterRegistry;
  /** Server clock minus ours, learned from the Date header of a "signature expired" answer. */
  readonly clockOffset: { ms: number };
  /** Until when every action waits: the app-wide limit (code 7) was hit. */
  readonly appPause: { until: number };
  readonly budget: RetryBudget | undefined;
  readonly events: EventSink;
  /**
   * Who handles a rate-limited answer: the throttle (pause, slow down, requeue up to `maxRequeues`)
   * when it is in the chain, else the retry interceptor (backoff, as for retryable).
   */
  rateLimitedOwner: 'throttle' | 'retry';
}
