import diagnostics from 'node:diagnostics_channel';
import type { CallbackEvents, CallbackHooks } from './CallbackHooks.js';

const NAMES = ['received', 'duplicate', 'refused', 'handlerError', 'verdict', 'dedupeError'] as const;
const channels = Object.fromEntries(
  NAMES.map((n) => [n, diagnostics.channel(`zim-resilience:callback.${n}`)]),
) as Record<keyof CallbackEvents, diagnostics.Channel>;

/** Delivers the receiver's events (frozen) to its hooks and to `node:diagnostics_channel`. */
export class CallbackEventSink {
  readonly #hooks: CallbackHooks;

  constructor(hooks: CallbackHooks = {}) {
    this.#hooks = hooks;
  }

  emit<K extends keyof CallbackEvents>(name: K, event: CallbackEvents[K]): void {
    const hook = this.#hooks[name] as ((e: CallbackEvents[K]) => void) | undefined;
    const channel = channels[name];
    if (!hook && !channel.hasSubscribers) return;
    const frozen = Object.freeze(event) as CallbackEvents[K];
    if (channel.hasSubscribers) channel.publish(frozen);
    if (!hook) return;
    try {
      hook(frozen);
    } catch (error) {
      process.emitWarning(`zim-resilience: the callback ${name} hook threw: ${String(error)}`);
    }
  }
}
