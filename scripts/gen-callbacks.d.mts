export const OUT: URL;
/** The text of src/generated/callbackSpec.ts from spec/callbacks.json (or `spec`). */
export function generateCallbackTypes(spec?: unknown): string;
