import * as bodyValidators from '../../generated/bodyValidators.js';
import * as queryValidators from '../../generated/queryValidators.js';
import { ZIM_API_SCHEMAS } from '../../generated/zimApiSchemas.js';
import type { SchemaError } from './SchemaError.js';

/** A compiled request schema: true when the parameters conform; the first error in `errors`. */
interface RequestValidator {
  (params: unknown): boolean;
  errors?: SchemaError[] | null;
}

/** What the server checks of one documented action. */
export interface ActionCheck {
  /** Its request schema, compiled. */
  readonly validate: RequestValidator;
  /** The codes its page lists. */
  readonly codes: ReadonlySet<number>;
}

let checks: ReadonlyMap<string, ActionCheck> | undefined;

/**
 * The request validator and codes of each documented action. The validators are ajv standalone
 * code, compiled ahead of time by scripts/gen-mock-schemas.mjs (no schema compiles at start-up):
 * GET actions arrive as query strings, so theirs coerce `'5'` to 5, `'true'` to true and a single
 * value to a list of one (`coerceTypes: 'array'`) and the handlers get typed values; POST bodies
 * are JSON and are checked as sent. Only the first error is looked for. Built once per process.
 */
export function compileValidators(): ReadonlyMap<string, ActionCheck> {
  if (checks !== undefined) return checks;
  const compiled: Readonly<Record<string, RequestValidator>> = { ...bodyValidators, ...queryValidators };
  const map = new Map<string, ActionCheck>();
  for (const [action, entry] of Object.entries(ZIM_API_SCHEMAS)) {
    const validate = compiled[action];
    if (validate === undefined)
      throw new Error(`no compiled validator for ${action}: run scripts/gen-mock-schemas.mjs`);
    map.set(action, { validate, codes: new Set(entry.codes) });
  }
  checks = map;
  return map;
}
