import { EventSink } from './EventSink.js';
import type { ZimHooks } from './ZimEvents.js';

/** `?Action=X` or `&Action=X` in a path or query string: the sign of a ZIM call. */
const ACTION = /[?&]Action=([^&#]+)/;

/** What a door passes to {@link warnPassthrough}: the resolved `baseUrl`, `hooks` and `warnPassthrough`. */
export interface PassthroughSettings {
  readonly baseUrl: URL;
  readonly hooks: ZimHooks;
  readonly warnPassthrough: boolean;
}

/**
 * For `resilientFetch` and `zimInterceptor`: returns the function they call with every request
 * they let through untouched. A request whose query carries `Action=` but whose origin is not
 * `baseUrl`'s is almost surely a ZIM call sent past the remedies (a `baseUrl` left at its default
 * while calling the mock server, say): it emits a `passthrough` event each time and, unless
 * `warnPassthrough` is `false`, one `process.emitWarning` per such origin.
 */
export function warnPassthrough(settings: PassthroughSettings): (origin: unknown, path: string) => void {
  const events = new EventSink(settings.hooks);
  const baseUrl = settings.baseUrl.origin;
  const warned = new Set<string>();
  return (origin, path) => {
    const match = ACTION.exec(path);
    if (!match) return;
    let from: string;
    try {
      from = origin instanceof URL ? origin.origin : new URL(String(origin)).origin;
    } catch {
      return;
    }
    if (from === baseUrl) return;
    const action = decodeURIComponent(match[1]!.replace(/\+/g, ' '));
    if (events.wants('passthrough')) events.emit('passthrough', { action, origin: from, baseUrl });
    if (!settings.warnPassthrough || warned.has(from)) return;
    if (warned.size < 100) warned.add(from);
    process.emitWarning(
      `a request to ${from} with Action=${action} passed through untouched (no retries, no throttle, no re-signing): ` +
        `baseUrl is ${baseUrl}. Set baseUrl to ${from} if it is a ZIM server, or warnPassthrough: false to silence this.`,
      { type: 'ZimPassthroughWarning', code: 'ZIM_PASSTHROUGH' },
    );
  };
}
