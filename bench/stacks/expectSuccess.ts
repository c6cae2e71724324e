/** Throws unless a ZIM body says `Code: 0`. */
export function expectSuccess(body: unknown): void {
  const code = (body as { Code?: unknown } | null)?.Code;
  if (code !== 0) throw new Error(`ZIM answered Code ${String(code)}`);
}
