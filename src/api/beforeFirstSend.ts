import type { CallOptions } from './CallOptions.js';

/**
 * The key of an internal per-call hook (a symbol: not a public option, not seen by option checks):
 * awaited once, after the call's first slot and before its first attempt is sent. A checkpointed
 * batch records there that the chunk may reach the server; when it throws, nothing is sent.
 * @internal
 */
export const BEFORE_FIRST_SEND: unique symbol = Symbol('zim-resilience.beforeFirstSend');

/** Call options with the internal hook, as the jobs pass them to the client's `call`. @internal */
export type HookedCallOptions = CallOptions & { readonly [BEFORE_FIRST_SEND]?: () => Promise<void> };
