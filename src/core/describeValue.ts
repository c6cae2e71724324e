/** How long an echoed value may be before it is cut. */
const MAX_ECHO = 120;

/**
 * What kind of value this is, without its content: for a secret, whose value an error must never
 * echo. `an empty string`, `a blank string` (spaces only), `a string`, `a number`, `null`,
 * `undefined`, `an array`, `an object`, `a function`, `a boolean`.
 * @internal
 */
export function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string')
    return value === '' ? 'an empty string' : value.trim() === '' ? 'a blank string' : 'a string';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * The value an option was given, as an error echoes it: numbers as themselves (NaN, Infinity,
 * -0), strings quoted (an empty one said in words, so `got ""` is never misread), JSON for
 * plain data, and in words what JSON cannot show (a function, a symbol, a circular object, an
 * instance of a class). Cut to 120 characters.
 * @internal
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return String(value);
  if (value === undefined) return 'undefined';
  if (value === '') return 'an empty string';
  if (typeof value === 'string' && value.trim() === '') return `a blank string (${JSON.stringify(value)})`;
  if (Array.isArray(value) && value.length === 0) return 'an empty array';
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const name = (proto?.constructor as { name?: unknown } | undefined)?.name;
      if (value instanceof Date)
        return `a Date (${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
      if (value instanceof RegExp) return `a RegExp (${String(value)})`;
      if (value instanceof URL) return `a URL (${JSON.stringify(value.href)})`;
      return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object';
    }
  }
  let text: string;
  try {
    text =
      JSON.stringify(value, (_, v: unknown) =>
        typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
      ) ?? String(value);
  } catch {
    text = Array.isArray(value) ? 'an array that JSON cannot show' : 'an object that JSON cannot show';
  }
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO - 3)}...` : text;
}
