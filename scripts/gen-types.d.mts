/** The text of src/generated/ZimApi.ts as `npm run gen` writes it. */
export function generateTypes(): Promise<string>;
/** The official page of an action, from its `doc` path in spec/zim-api.json. */
export function docUrl(doc: string): string;
export function biomeFormat(text: string, url: URL): string;
export const OUT: URL;
export const DOCS_BASE: string;
