/** A JSON Schema object, as the API documents give it. */
type JsonSchema = Readonly<Record<string, unknown>>;

/** One documented action, as the mock server checks it (generated from spec/zim-api.json). */
export interface MockApiEntry {
  readonly method: 'GET' | 'POST';
  /** The schema of the action's parameters (query for GET, JSON body for POST). */
  readonly request: JsonSchema;
  /** The schema of a successful answer. */
  readonly response: JsonSchema;
  /** The return codes the action's page lists. */
  readonly codes: readonly number[];
}
