import { didYouMean } from '../core/didYouMean.js';
import { ZIM_ACTIONS } from '../generated/actions.js';

/**
 * Throws a `TypeError` (with "did you mean ...?" when a documented action is close) unless `action`
 * is a documented ZIM action or one of `custom` (the `customActions` option). `where` names the
 * option or argument: `action`, `limits`, `idempotent`.
 */
export function assertKnownAction(where: string, action: string, custom: ReadonlySet<string>): void {
  if (Object.hasOwn(ZIM_ACTIONS, action) || custom.has(action)) return;
  const guess = didYouMean(action, [...Object.keys(ZIM_ACTIONS), ...custom]);
  const hint = guess ? `did you mean ${guess}?` : 'not a documented ZIM action';
  throw new TypeError(
    `expected ${where} to name a documented ZIM action, got ${JSON.stringify(action)}: ${hint} ` +
      '(an action the documents do not have yet goes in the customActions option)',
  );
}
