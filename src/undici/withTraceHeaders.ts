import type { Dispatcher } from 'undici';

type Headers = Dispatcher.DispatchOptions['headers'];

/**
 * The request's headers (an object, a flat `[name, value, ...]` array or an iterable of pairs, as
 * undici takes them) with `extra` (an attempt's `traceparent`, `tracestate`) in place of any of the
 * same name: one of each reaches the server, naming the attempt's span.
 */
export function withTraceHeaders(
  headers: Headers,
  extra: Readonly<Record<string, string>>,
): NonNullable<Headers> {
  const out: Record<string, string | string[] | undefined> = {};
  const put = (name: string, value: string | string[] | undefined) => {
    if (!Object.hasOwn(extra, name.toLowerCase())) out[name] = value;
  };
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) put(String(headers[i]), headers[i + 1]);
  } else if (headers && typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [name, value] of headers as Iterable<[string, string | string[] | undefined]>)
      put(name, value);
  } else if (headers) {
    for (const [name, value] of Object.entries(headers)) put(name, value as string | string[] | undefined);
  }
  return Object.assign(out, extra) as NonNullable<Headers>;
}
