import type { SchemaError } from './SchemaError.js';

/** `/UserInfo/0/UserId` → `UserInfo[0].UserId`. */
function fieldOf(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').slice(1);
  if (child !== undefined) parts.push(child);
  let out = '';
  for (const raw of parts) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out === '' ? 'the parameters' : out;
}

/** The rule's own value, for the message: `(maxLength: 32)`, `(enum: 1, 2, 3)`. */
function ruleOf(error: SchemaError): string {
  const { params } = error;
  switch (error.keyword) {
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems':
      return `${error.keyword}: ${String(params['limit'])}`;
    case 'maximum':
    case 'minimum':
      return `${error.keyword}: ${String(params['limit'])}`;
    case 'enum':
      return `enum: ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `type: ${String(params['type'])}`;
    default:
      return error.keyword;
  }
}

/**
 * The `Message` of a 660000002 answer: the field and the rule it breaks, e.g.
 * `Invalid parameter: FromUserId is missing (required)` or
 * `Invalid parameter: UserInfo[0].UserId must NOT have more than 32 characters (maxLength: 32)`.
 */
export function describeSchemaError(error: SchemaError | undefined): string {
  if (error === undefined) return 'Invalid parameter.';
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: unknown }).missingProperty);
    return `Invalid parameter: ${fieldOf(error.instancePath, missing)} is missing (required)`;
  }
  return `Invalid parameter: ${fieldOf(error.instancePath)} ${error.message ?? 'is invalid'} (${ruleOf(error)})`;
}
