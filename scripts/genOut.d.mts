/** The URL of generated file `name`: in src/generated/, or in the `--out` directory if given. */
export function genOut(name: string): URL;
/** The first line of every generated file. */
export function genHeader(specs: string[], script: string): string;
