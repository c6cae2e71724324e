/**
 * The parameters of a request built by someone else (the fetch and undici doors), as far as the
 * limits need them: the query, and the JSON body's fields when it has one. Arrays in the query
 * (`Key[]=a`) come back as arrays.
 */
export function paramsOf(search: URLSearchParams, body: string | undefined): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of search) {
    if (key.endsWith('[]')) {
      const name = key.slice(0, -2);
      const list = (params[name] as unknown[] | undefined) ?? [];
      list.push(value);
      params[name] = list;
    } else {
      params[key] = value;
    }
  }
  if (body) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        Object.assign(params, parsed);
    } catch {}
  }
  return params;
}
