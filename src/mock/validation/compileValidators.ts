import { Ajv, type ValidateFunction } from 'ajv';
import { ZIM_API_SCHEMAS } from '../generated/zimApiSchemas.js';

/** What the server checks of one documented action. */
export interface ActionCheck {
  /** Its request schema, compiled. */
  readonly validate: ValidateFunction;
  /** The codes its page lists. */
  readonly codes: ReadonlySet<number>;
}

let compiled: ReadonlyMap<string, ActionCheck> | undefined;

/**
 * Compiles the request schema of each documented action, once per process (the first server
 * started pays for it; later ones reuse the functions). GET actions arrive as query strings,
 * so their validator coerces `'5'` to 5, `'true'` to true and a single value to a one-item
 * array (`coerceTypes: 'array'`), and the handlers get typed values; POST bodies are JSON and
 * are checked as sent. Only the first error is looked for (`allErrors: false`).
 */
export function compileValidators(): ReadonlyMap<string, ActionCheck> {
  if (compiled !== undefined) return compiled;
  const options = { strict: false, validateFormats: false, allErrors: false } as const;
  const ajvBody = new Ajv(options);
  const ajvQuery = new Ajv({ ...options, coerceTypes: 'array' });
  const map = new Map<string, ActionCheck>();
  for (const [action, entry] of Object.entries(ZIM_API_SCHEMAS)) {
    const ajv = entry.method === 'GET' ? ajvQuery : ajvBody;
    map.set(action, { validate: ajv.compile(entry.request), codes: new Set(entry.codes) });
  }
  compiled = map;
  return map;
}
