import { inspect } from 'node:util';

/** A short, printable echo of a wrong option value for an error message. */
export function describeValue(value: unknown): string {
  const text = inspect(value, {
    depth: 2,
    breakLength: Number.POSITIVE_INFINITY,
    maxArrayLength: 10,
    maxStringLength: 80,
  });
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
