import type { Category, ZimHooks } from 'zim-resilience';

/** A call the workload gave up on, with what the error said. */
export interface FailedCall {
  readonly action: string;
  /** What the call was about, e.g. `message 17 from user12 to user40`. */
  readonly label: string;
  readonly errorName: string;
  readonly message: string;
  readonly mayHaveCommitted: boolean | undefined;
  /** What became of it, when the demo could find out (a test server can tell whether it committed). */
  note?: string;
}

/** Counters of one action. */
export interface ActionCounters {
  started: number;
  succeeded: number;
  failed: number;
  attempts: number;
  retries: number;
  throttleWaits: number;
  throttleWaitMs: number;
  /** When (`Date.now()`) each call that had queued for the limit left. */
  readonly throttledAt: number[];
  rateLimited: number;
  readonly durationsMs: number[];
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function nested<K, L>(map: Map<K, Map<L, number>>, key: K): Map<L, number> {
  const inner = map.get(key) ?? new Map<L, number>();
  map.set(key, inner);
  return inner;
}

const emptyCounters = (): ActionCounters => ({
  started: 0,
  succeeded: 0,
  failed: 0,
  attempts: 0,
  retries: 0,
  throttleWaits: 0,
  throttleWaitMs: 0,
  throttledAt: [],
  rateLimited: 0,
  durationsMs: [],
});

/** Collects what the client reports through its `hooks`, and what the workload saw of each call. */
export class Recorder {
  readonly byAction = new Map<string, ActionCounters>();
  /** Retries by category, then by reason (`code 1`, `HTTP 503`, `ECONNRESET`...). */
  readonly retries = new Map<Category, Map<string, number>>();
  readonly failures: FailedCall[] = [];
  /** Per-item failures inside successful batch calls (`ErrorList`), by SubCode. */
  readonly itemErrors = new Map<number, number>();
  /** Re-signs after an auth refusal, by reason (`code 100000004`...). */
  readonly resignReasons = new Map<string, number>();
  resigns = 0;
  clockOffsetMs = 0;
  /** How calls ended, by final category then reason, as the `settled` events say. */
  readonly settledBy = new Map<Category, Map<string, number>>();
  /** When each attempt left, for the live rate in the progress line. */
  readonly recentAttempts: { readonly at: number; readonly action: string }[] = [];

  /** The hooks to hand to `createZimClient`. */
  readonly hooks: ZimHooks = {
    attempt: (e) => {
      this.of(e.action).attempts++;
      this.recentAttempts.push({ at: performance.now(), action: e.action });
      if (this.recentAttempts.length > 5000) this.recentAttempts.splice(0, 2500);
    },
    retry: (e) => {
      this.of(e.action).retries++;
      bump(nested(this.retries, e.category), e.reason);
    },
    throttle: (e) => {
      const c = this.of(e.action);
      c.throttleWaits++;
      c.throttleWaitMs += e.waitedMs;
      c.throttledAt.push(Date.now());
    },
    rateLimited: (e) => {
      this.of(e.action).rateLimited++;
    },
    resign: (e) => {
      this.resigns++;
      bump(this.resignReasons, e.code === undefined ? 'no code' : `code ${e.code}`);
      this.clockOffsetMs = e.clockOffsetMs;
    },
    settled: (e) => {
      this.of(e.action).durationsMs.push(e.durationMs);
      bump(nested(this.settledBy, e.category), e.reason ?? '');
    },
  };

  of(action: string): ActionCounters {
    const counters = this.byAction.get(action) ?? emptyCounters();
    this.byAction.set(action, counters);
    return counters;
  }

  /** Runs one call of the workload and counts how it ended; never rejects. */
  async track<T>(action: string, label: string, call: () => Promise<T>): Promise<T | undefined> {
    const counters = this.of(action);
    counters.started++;
    try {
      const result = await call();
      counters.succeeded++;
      return result;
    } catch (error) {
      counters.failed++;
      const e = error as Error & { mayHaveCommitted?: boolean };
      this.failures.push({
        action,
        label,
        errorName: e.name,
        message: e.message,
        mayHaveCommitted: e.mayHaveCommitted,
      });
      return undefined;
    }
  }

  /** Counts the `ErrorList` items of a batch answer. */
  countItemErrors(body: { readonly ErrorList?: readonly { readonly SubCode?: number }[] } | undefined) {
    for (const item of body?.ErrorList ?? []) {
      bump(this.itemErrors, item.SubCode ?? -1);
    }
  }

  totals(): ActionCounters {
    const total = emptyCounters();
    for (const c of this.byAction.values()) {
      total.started += c.started;
      total.succeeded += c.succeeded;
      total.failed += c.failed;
      total.attempts += c.attempts;
      total.retries += c.retries;
      total.throttleWaits += c.throttleWaits;
      total.throttleWaitMs += c.throttleWaitMs;
      total.rateLimited += c.rateLimited;
      total.durationsMs.push(...c.durationsMs);
    }
    return total;
  }
}
