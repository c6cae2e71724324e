/** Readers of action parameters, which arrive as JSON values or as query strings. */

/** A string (numbers are accepted and turned into strings). */
export function readString(params: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = params[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.length === 1) return readString({ v: value[0] }, 'v');
  return undefined;
}

/** A list of strings: a JSON array, `Name[]=a&Name[]=b`, or a single value. */
export function readStringList(
  params: Readonly<Record<string, unknown>>,
  name: string,
): string[] | undefined {
  const value = params[name];
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const item of value) {
      if (typeof item === 'string') out.push(item);
      else if (typeof item === 'number' && Number.isFinite(item)) out.push(String(item));
      else return undefined;
    }
    return out;
  }
  const single = readString(params, name);
  return single === undefined ? undefined : [single];
}

/** A non-negative integer (a JSON number or a numeric string). */
export function readCount(params: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const text = readString(params, name);
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

/** A list of plain objects (JSON only). */
export function readObjectList(
  params: Readonly<Record<string, unknown>>,
  name: string,
): Readonly<Record<string, unknown>>[] | undefined {
  const value = params[name];
  if (!Array.isArray(value)) return undefined;
  if (!value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item)))
    return undefined;
  return value as Readonly<Record<string, unknown>>[];
}

/** The length of a string in UTF-8 bytes. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** A string parameter, or '' when missing. */
export function str(params: Readonly<Record<string, unknown>>, name: string): string {
  return readString(params, name) ?? '';
}

/** A list of strings, or [] when missing. */
export function list(params: Readonly<Record<string, unknown>>, name: string): string[] {
  return readStringList(params, name) ?? [];
}

/** A finite number (a JSON number or a numeric string), or `fallback`. */
export function num(params: Readonly<Record<string, unknown>>, name: string, fallback: number): number {
  const value = params[name];
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : fallback;
}

/** A list of finite numbers (JSON numbers or numeric strings); other items are left out. */
export function numbers(params: Readonly<Record<string, unknown>>, name: string): number[] {
  const value = params[name];
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map((v) => (typeof v === 'number' ? v : Number(v))).filter((n) => Number.isFinite(n));
}

/** A boolean (`true`, `1`, `'true'`, `'1'`), or `fallback` when missing. */
export function bool(params: Readonly<Record<string, unknown>>, name: string, fallback: boolean): boolean {
  const value = params[name];
  if (value === undefined) return fallback;
  return value === true || value === 1 || value === 'true' || value === '1';
}

/** An object list (JSON only), or [] when missing. */
export function objects(
  params: Readonly<Record<string, unknown>>,
  name: string,
): Readonly<Record<string, unknown>>[] {
  return readObjectList(params, name) ?? [];
}
