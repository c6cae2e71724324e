/**
 * `init` with `extra` headers set over its own (a copy: every attempt starts from the caller's).
 * The fetch door adds an attempt's trace context (`traceparent`, `tracestate`) this way.
 */
export function withHeaders(init: RequestInit, extra: Readonly<Record<string, string>>): RequestInit {
  const headers = new Headers(init.headers);
  for (const name in extra) headers.set(name, extra[name]!);
  return { ...init, headers };
}
