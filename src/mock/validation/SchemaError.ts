/**
 * The first error a generated validator reports: the fields of ajv's `ErrorObject` the mock
 * reads (declared here, so neither the package nor its types need ajv).
 */
export interface SchemaError {
  /** The JSON Pointer of the offending value, e.g. `/UserInfo/0/UserId`. */
  readonly instancePath: string;
  /** The rule broken: `required`, `maxLength`, `type`, `enum`, ... */
  readonly keyword: string;
  /** The rule's own values: `{ limit: 32 }`, `{ missingProperty: 'UserId' }`, `{ allowedValues: [...] }`. */
  readonly params: Readonly<Record<string, unknown>>;
  /** ajv's wording, e.g. `must NOT have more than 32 characters`. */
  readonly message?: string;
}
