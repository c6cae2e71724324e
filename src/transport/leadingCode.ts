/** ZIM answers put `Code` first: `{"Code":0,...`. */
const LEADING_CODE = /^\s*\{\s*"Code"\s*:\s*(-?\d+)\s*[,}]/;

/** The ZIM `Code` read from the first bytes of a body, or undefined when it is not there. */
export function leadingCode(bytes: Buffer): number | undefined {
  const match = LEADING_CODE.exec(bytes.toString('latin1', 0, 64));
  return match ? Number(match[1]) : undefined;
}
