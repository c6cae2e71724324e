import type { CallbackSender } from './callbacks/CallbackSender.js';
import type { Delays } from './Delays.js';
import type { MockLimiter } from './MockLimiter.js';
import type { MockState } from './MockState.js';
import type { StatsRecorder } from './MockStats.js';
import type { ResolvedMockFaults, ResolvedMockOptions } from './MockZimServerOptions.js';
import type { MockActionSpec } from './resolveActionSpecs.js';
import type { ScriptQueue } from './ScriptQueue.js';
import type { ActionCheck } from './validation/compileValidators.js';

/** Everything one server's request handling reads and changes. */
export interface MockRuntime {
  readonly options: ResolvedMockOptions;
  clockOffsetMs: number;
  faults: ResolvedMockFaults;
  readonly specs: ReadonlyMap<string, MockActionSpec>;
  /** The documented actions' request validators and codes. */
  readonly checks: ReadonlyMap<string, ActionCheck>;
  readonly limiter: MockLimiter;
  readonly state: MockState;
  readonly stats: StatsRecorder;
  readonly scripts: ScriptQueue;
  readonly random: () => number;
  readonly delays: Delays;
  requestCount: number;
  /** Sends the callbacks state changes cause (with `callbackUrl`). */
  readonly callbacks: CallbackSender | undefined;
}
