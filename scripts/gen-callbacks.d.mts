export const OUT: URL;
/** The text of src/callbacks/generated/callbackSpec.ts from spec/callbacks.json (or `spec`). */
export function generateCallbackTypes(spec?: unknown): string;
