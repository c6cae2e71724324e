import type { MockState } from '../MockState.js';

/** What a handler gets: the action's parameters, the state to commit to, the server clock. */
export interface HandlerContext {
  /** The action's parameters, checked against its request schema (unless `strict: false`). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly state: MockState;
  /** The server clock (its `now()` plus the clock offset), in milliseconds. */
  readonly serverNowMs: number;
  /** The codes the action's page lists (empty for an undocumented action). */
  readonly codes: ReadonlySet<number>;
  /**
   * Sends the callback a state change causes (`send_msg`, `group_create`, ...) when the server
   * has a `callbackUrl`: the event and its business fields, as ZEGO's callback pages name them.
   */
  readonly emit?: ((event: string, fields: Readonly<Record<string, unknown>>) => void) | undefined;
}

/** The answer of a handler: a code (0 for success) and the action's fields. */
export interface HandlerResult {
  readonly code: number;
  readonly message?: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** Performs one action (commits to the state) and says what to answer. */
export type Handler = (ctx: HandlerContext) => HandlerResult;

/** A per-item failure of a batch call (`ErrorList`, `ErrorUsers`, `ErrList`). */
export interface ErrorItem {
  readonly UserId: string;
  readonly SubCode: number;
  readonly SubMessage: string;
}
