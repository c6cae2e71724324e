import diagnostics from 'node:diagnostics_channel';
import type { AttemptTrace } from '../telemetry/AttemptTrace.js';
import type { EventConsumer } from './EventConsumer.js';
import type { ZimEvents, ZimHooks } from './ZimEvents.js';

const channels = {
  call: diagnostics.channel('zim-resilience:call'),
  start: diagnostics.channel('zim-resilience:start'),
  attemptEnd: diagnostics.channel('zim-resilience:attemptEnd'),
  rejected: diagnostics.channel('zim-resilience:rejected'),
  attempt: diagnostics.channel('zim-resilience:attempt'),
  retry: diagnostics.channel('zim-resilience:retry'),
  throttle: diagnostics.channel('zim-resilience:throttle'),
  rateLimited: diagnostics.channel('zim-resilience:rateLimited'),
  overload: diagnostics.channel('zim-resilience:overload'),
  limitAdapted: diagnostics.channel('zim-resilience:limitAdapted'),
  resign: diagnostics.channel('zim-resilience:resign'),
  settled: diagnostics.channel('zim-resilience:settled'),
  giveUp: diagnostics.channel('zim-resilience:giveUp'),
  cluster: diagnostics.channel('zim-resilience:cluster'),
  passthrough: diagnostics.channel('zim-resilience:passthrough'),
} as const;

/** A hook's failure, as a process warning: it cannot break the call. */
function hookFailed(name: string, how: 'threw' | 'rejected', error: unknown): void {
  process.emitWarning(`zim-resilience: the ${name} hook ${how}: ${String(error)}`);
}

/**
 * Delivers events to the user's hooks, to `node:diagnostics_channel` and to telemetry (the
 * `consumer`). A hook that throws cannot break a call, nor one whose promise rejects: its error is
 * reported as a process warning. `source` (and `origin`) name the call an event is about, for the
 * consumer only.
 */
export class EventSink {
  readonly #hooks: ZimHooks;
  readonly #consumer: EventConsumer | undefined;

  constructor(hooks: ZimHooks = {}, consumer?: EventConsumer) {
    this.#hooks = hooks;
    this.#consumer = consumer;
  }

  emit<K extends keyof ZimEvents>(name: K, event: ZimEvents[K], source?: object, origin?: object): void {
    const hook = this.#hooks[name] as ((e: ZimEvents[K]) => void) | undefined;
    const channel = channels[name];
    const consumer = this.#consumer;
    if (consumer) consumer.take(name, event, source, origin); // reads it there and then, keeps none of it
    if (!hook && !channel.hasSubscribers) return;
    const frozen = Object.freeze(event) as ZimEvents[K];
    if (channel.hasSubscribers) channel.publish(frozen);
    if (hook) {
      try {
        const returned: unknown = hook(frozen);
        // an async hook's rejection is contained too, never an unhandled rejection
        if (returned instanceof Promise || typeof (returned as PromiseLike<unknown>)?.then === 'function')
          Promise.resolve(returned).catch((error: unknown) => hookFailed(name, 'rejected', error));
      } catch (error) {
        hookFailed(name, 'threw', error);
      }
    }
  }

  /** The trace context the attempt of `call` is sent in (telemetry's), or undefined: nothing to add. */
  attemptTrace(call: object): AttemptTrace | undefined {
    return this.#consumer?.attemptTrace?.(call);
  }

  /** Whether anything listens for `name` (so callers can skip building an event). */
  wants(name: keyof ZimEvents): boolean {
    return (
      this.#hooks[name] !== undefined || channels[name].hasSubscribers || this.#consumer?.wants(name) === true
    );
  }
}
