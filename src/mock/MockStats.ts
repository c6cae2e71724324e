import type { ZimAction } from '../generated/actions.js';
import type { MockFaultKind } from './faults.js';
import { SlidingWindow } from './SlidingWindow.js';

/**
 * Faults counted by kind; `scripted` counts the answers taken from `server.script`.
 *
 * @public
 */
export type MockFaultCounts = Readonly<Record<MockFaultKind | 'scripted', number>>;

/**
 * What the server saw of one action.
 *
 * @public
 */
export interface MockActionStats {
  /** Requests that named this action, whatever became of them (refused, scripted, faulted...). */
  readonly arrivals: number;
  /** Arrivals counted by the rate window: they passed the public-parameter check and fit the limits. Faulted ones included. */
  readonly admitted: number;
  /** Answers with Code 0. */
  readonly accepted: number;
  /**
   * Arrivals refused by a limit: the action's rate-limit code, a spent daily quota, or Code 7
   * for the app-wide limit. What a test checks for "the client kept under the limit": 0.
   */
  readonly refusedByLimit: number;
  /** @deprecated The same count as `refusedByLimit` (its name said less); kept for 0.x. */
  readonly rejected: number;
  /** Injected faults by kind. */
  readonly faults: MockFaultCounts;
  /** Every JSON answer by its `Code` (as a decimal string). */
  readonly codes: Readonly<Record<string, number>>;
  /**
   * The most arrivals in any sliding 1000 ms (`(t - 1000, t]`), in requests, whatever became of
   * them (refused by a limit included): what the client sent. Above the action's limit, the
   * server refused some.
   */
  readonly maxArrivalsInAnySecond: number;
  /**
   * The most admitted units in any sliding 1000 ms, over all scopes of the action: never above
   * the limit, since only admitted arrivals count (a refused one is in `refusedByLimit`). Units
   * are requests, or messages for QueryMessagesByMsgSeq.
   */
  readonly maxAdmittedInAnySecond: number;
  /**
   * @deprecated The same figure as `maxAdmittedInAnySecond`: admitted units only, so it never
   * shows refusals (57 refused calls could read `maxInAnySecond: 20`). Kept for 0.x.
   */
  readonly maxInAnySecond: number;
  /** The arrival time (the server's `now()`, without the clock offset) of every arrival, in order. */
  readonly timestamps: readonly number[];
  /** The `traceparent` header (W3C trace context) of every arrival that had one, in order. */
  readonly traceparents: readonly string[];
}

/**
 * `server.stats()`: a plain snapshot per action. Every documented action is present (zeros
 * when it was never called), as is every action added through `limits`.
 *
 * @public
 */
export type MockStats = { readonly [A in ZimAction]: MockActionStats } & {
  readonly [action: string]: MockActionStats | undefined;
};

const FAULT_KEYS = [
  'busy',
  'gateway',
  'http503',
  'resetBeforeAnswer',
  'resetAfterCommit',
  'slow',
  'scripted',
] as const;

/** The counters of one action. */
export class ActionStatsRecorder {
  arrivals = 0;
  admitted = 0;
  accepted = 0;
  rejected = 0;
  maxInAnySecond = 0;
  maxArrivalsInAnySecond = 0;
  readonly faults = Object.fromEntries(FAULT_KEYS.map((k) => [k, 0])) as Record<
    MockFaultKind | 'scripted',
    number
  >;
  readonly codes = new Map<number, number>();
  readonly timestamps: number[] = [];
  readonly traceparents: string[] = [];
  readonly #window = new SlidingWindow(1000, Number.POSITIVE_INFINITY);
  readonly #arrivalWindow = new SlidingWindow(1000, Number.POSITIVE_INFINITY);

  arrive(now: number, traceparent?: string | undefined): void {
    this.arrivals++;
    this.timestamps.push(now);
    this.maxArrivalsInAnySecond = Math.max(this.maxArrivalsInAnySecond, this.#arrivalWindow.take(now, 1));
    if (traceparent !== undefined) this.traceparents.push(traceparent);
  }

  admit(now: number, units: number): void {
    this.admitted++;
    this.maxInAnySecond = Math.max(this.maxInAnySecond, this.#window.take(now, units));
  }

  answered(code: number): void {
    this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
    if (code === 0) this.accepted++;
  }

  snapshot(): MockActionStats {
    return {
      arrivals: this.arrivals,
      admitted: this.admitted,
      accepted: this.accepted,
      refusedByLimit: this.rejected,
      rejected: this.rejected,
      faults: { ...this.faults },
      codes: Object.fromEntries([...this.codes].map(([code, n]) => [String(code), n])),
      maxArrivalsInAnySecond: this.maxArrivalsInAnySecond,
      maxAdmittedInAnySecond: this.maxInAnySecond,
      maxInAnySecond: this.maxInAnySecond,
      timestamps: [...this.timestamps],
      traceparents: [...this.traceparents],
    };
  }
}

/** The stats of every action. */
export class StatsRecorder {
  #byAction = new Map<string, ActionStatsRecorder>();

  forAction(action: string): ActionStatsRecorder {
    let stats = this.#byAction.get(action);
    if (stats === undefined) {
      stats = new ActionStatsRecorder();
      this.#byAction.set(action, stats);
    }
    return stats;
  }

  /** A plain snapshot with an entry for each of `actions`. */
  snapshot(actions: Iterable<string>): MockStats {
    const out: Record<string, MockActionStats> = {};
    for (const action of actions)
      out[action] = (this.#byAction.get(action) ?? new ActionStatsRecorder()).snapshot();
    return out as MockStats;
  }

  /** Forgets every counter (the rate windows of the server are not touched). */
  reset(): void {
    this.#byAction = new Map();
  }
}
