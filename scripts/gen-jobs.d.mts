/** The text of src/generated/jobActions.ts as `npm run gen` writes it. */
export function generateJobActions(): string;
/** The paged actions derived from a spec (spec/zim-api.json parsed). */
export function pagedActions(spec: unknown): Record<string, Record<string, unknown>>;
/** The batch actions derived from a spec (spec/zim-api.json parsed). */
export function batchActions(spec: unknown): Record<string, Record<string, unknown>>;
export const OUT: URL;
