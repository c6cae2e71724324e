import type { Clock } from '../core/Clock.js';
import type { Engine } from '../engine/createEngine.js';

/** What every call of one `zimInterceptor` shares. */
export interface UndiciDoor {
  readonly engine: Engine;
  readonly clock: Clock;
  readonly maxBodyBytes: number;
  /** Whether an answer with this `Code` is final, so it may be streamed; undefined with a chain of the user's (which may retry anything). */
  readonly isFinal: ((code: number) => boolean) | undefined;
  /** Controllers of ended calls, for later calls. */
  readonly pool: AbortController[];
  /** False with a chain of the user's: it may keep a call's signal after the call. */
  readonly reuses: boolean;
}
