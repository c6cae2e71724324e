/**
 * Appends ZIM query parameters: scalars as `Key=v`, arrays as `Key[]=a&Key[]=b`, objects as JSON.
 * `null` and `undefined` are left out.
 */
export function appendQuery(search: URLSearchParams, params: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) search.append(`${key}[]`, scalar(item));
    } else {
      search.append(key, scalar(value));
    }
  }
}

function scalar(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
