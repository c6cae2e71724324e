/** How many `cause` links (or `AggregateError` members) deep the classifiers look, as the AWS SDK does. */
const MAX_CAUSE_DEPTH = 5;

/**
 * An error and what it wraps, outermost first: its `cause`, and the `errors` of an
 * `AggregateError` (Node's happy-eyeballs connect), breadth first, at most {@link MAX_CAUSE_DEPTH}
 * links deep, each object once (cycles end the walk). Non-objects are left out.
 */
export function causeChain(err: unknown): object[] {
  const seen = new Set<object>();
  let level: unknown[] = [err];
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const e of level) {
      if (typeof e !== 'object' || e === null || seen.has(e)) continue;
      seen.add(e);
      const { cause, errors } = e as { cause?: unknown; errors?: unknown };
      next.push(cause);
      if (Array.isArray(errors)) next.push(...errors);
    }
    level = next;
  }
  return [...seen];
}
