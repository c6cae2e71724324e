/** The text of src/generated/actions.ts as `npm run gen` writes it. */
export function generateActions(): string;
export const OUT: URL;
