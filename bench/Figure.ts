/** A target a figure is held to. */
export interface Target {
  readonly op: '>=' | '<=';
  readonly value: number;
}

/** One row of the results table. */
export interface Figure {
  readonly section: string;
  readonly name: string;
  readonly measured: number;
  /** How to print `measured`: 'x' (a ratio), 'ms', 'MB', 'calls', '/s', '%', 'count'. */
  readonly unit: string;
  readonly target: Target | undefined;
  readonly met: boolean | undefined;
  /** What it was measured from, in a few words (the spread of rounds, the raw counts). */
  readonly detail: string;
}

/** A figure, with `met` worked out from its target. */
export function figure(
  section: string,
  name: string,
  measured: number,
  unit: string,
  target?: Target,
  detail = '',
): Figure {
  const met =
    target === undefined
      ? undefined
      : target.op === '>='
        ? measured >= target.value
        : measured <= target.value;
  return { section, name, measured, unit, target, met, detail };
}
