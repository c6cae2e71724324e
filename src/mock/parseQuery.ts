/** Query parameters: one value, or several for `Name[]=a&Name[]=b` (and repeated names). */
export type QueryParams = Readonly<Record<string, string | readonly string[]>>;

/** Parses the query string of a request target; `UserId[]=a&UserId[]=b` gives `{ UserId: ['a', 'b'] }`. */
export function parseQuery(target: string): QueryParams {
  const url = new URL(target, 'http://mock.invalid');
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [rawKey, value] of url.searchParams) {
    const isArray = rawKey.endsWith('[]');
    const key = isArray ? rawKey.slice(0, -2) : rawKey;
    const previous = out[key];
    if (previous === undefined) out[key] = isArray ? [value] : value;
    else if (Array.isArray(previous)) previous.push(value);
    else out[key] = [previous, value];
  }
  return out;
}

/** The first value of a query parameter. */
export function firstValue(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}
