/**
 * Who shares one limit: the whole app, or each group / room (keyed by the call's GroupId / RoomId).
 *
 * @public
 */
export type MockLimitScope = 'app' | 'group' | 'room';

/**
 * An override of one action's limits, merged over its documented values in `ZIM_ACTIONS`.
 *
 * @public
 */
export interface MockActionLimit {
  /**
   * Calls (or units) accepted in any sliding 1000 ms, per scope.
   * @default the documented value; required for an action that is not documented
   */
  readonly perSecond?: number | undefined;
  /** @default the documented scope, or `'app'` for an action that is not documented */
  readonly scope?: MockLimitScope | undefined;
  /**
   * What one call costs: one `request`, or one per `message` asked for (the length of its
   * `MsgSeqList` / `MsgSeqs` / `MsgSeq` array).
   * @default the documented unit, or `'request'`
   */
  readonly unit?: 'request' | 'message' | undefined;
  /**
   * Calls accepted in any sliding 24 hours, or `false` for none.
   * @default the documented quota (SendMessageToAllUsers: 100), none for the others
   */
  readonly dailyQuota?: number | false | undefined;
  /** Where the action's parameters travel (both are accepted anyway). @default the documented method, or `'POST'` */
  readonly method?: 'GET' | 'POST' | undefined;
}

/**
 * Limits per action, merged over the 72 documented actions: an override object, or `false`
 * for no limit at all. A name that is not documented adds an action the server accepts.
 *
 * @public
 */
export type MockLimits = Readonly<Record<string, MockActionLimit | false>>;

/**
 * Seeded fault injection. Probabilities are in 0..1; `busy`, `gateway`, `http503`,
 * `resetBeforeAnswer` and `resetAfterCommit` exclude each other (their sum must be at most
 * 1); `slow` is drawn on its own and can come with any of them.
 *
 * @public
 */
export interface MockFaults {
  /** Answer `Code: 1` (server busy, HTTP 200); nothing is committed. @default 0 */
  readonly busy?: number | undefined;
  /** Answer `Code: 100000015` (API gateway internal error); nothing is committed. @default 0 */
  readonly gateway?: number | undefined;
  /** Answer HTTP 503 with an HTML page, as a proxy would; nothing is committed. @default 0 */
  readonly http503?: number | undefined;
  /** Destroy the socket without answering; nothing is committed (the call had no effect). @default 0 */
  readonly resetBeforeAnswer?: number | undefined;
  /** Perform the action (record the message, register the user), then destroy the socket without answering. @default 0 */
  readonly resetAfterCommit?: number | undefined;
  /** Wait `slowMs` more before answering (the action itself takes effect on arrival). @default 0 */
  readonly slow?: number | undefined;
  /** The extra delay of a `slow` answer, in milliseconds. @default 1000 */
  readonly slowMs?: number | undefined;
  /** The actions faults apply to. @default every action */
  readonly actions?: readonly string[] | undefined;
}

/**
 * Options of `startMockZimServer`. Every field is optional; the defaults are `MOCK_DEFAULTS`.
 *
 * @public
 */
export interface MockZimServerOptions {
  /** The AppId the server accepts (a uint32). @default 1234567890 */
  readonly appId?: number | undefined;
  /** The ServerSecret signatures are checked with. @default '0123456789abcdef0123456789abcdef' */
  readonly serverSecret?: string | undefined;
  /** The interface to listen on. @default '127.0.0.1' */
  readonly host?: string | undefined;
  /** The port to listen on; 0 picks a free one (read it from `server.url`). @default 0 */
  readonly port?: number | undefined;
  /**
   * How far the server clock is ahead (+) or behind (-) of `now()`, in milliseconds. It moves
   * the `Date` header and the 10-minute Timestamp check. Also `server.setClockOffset(ms)`.
   * @default 0
   */
  readonly clockOffsetMs?: number | undefined;
  /** Per-action limit overrides, merged over `ZIM_ACTIONS`. @default {} */
  readonly limits?: MockLimits | undefined;
  /** An app-wide limit over all actions (answered with Code 7), or `false`. @default false */
  readonly appLimitPerSecond?: number | false | undefined;
  /** Seeded fault injection. Also `server.setFaults(faults)`. @default {} (no faults) */
  readonly faults?: MockFaults | undefined;
  /** The seed of the fault PRNG: the same seed and the same calls give the same faults. @default 1 */
  readonly seed?: number | undefined;
  /** The clock, in milliseconds: arrival times, rate windows and (plus the offset) the server clock. @default () => Date.now() */
  readonly now?: (() => number) | undefined;
  /** A base delay before every answer, in milliseconds. @default 0 */
  readonly latencyMs?: number | undefined;
  /**
   * Check every documented action's parameters against its request schema from the API
   * documents, and refuse a violation with 660000002 (the Message names the field and the
   * rule). `false` skips the check; the handlers then take what they are given.
   * @default true
   */
  readonly strict?: boolean | undefined;
  /**
   * Users registered when the server starts (as UserRegister would, with UserName = UserId),
   * so that tests can send from them at once.
   * @default []
   */
  readonly users?: readonly string[] | undefined;
}

/**
 * The faults with every default filled in.
 *
 * @public
 */
export interface ResolvedMockFaults {
  readonly busy: number;
  readonly gateway: number;
  readonly http503: number;
  readonly resetBeforeAnswer: number;
  readonly resetAfterCommit: number;
  readonly slow: number;
  readonly slowMs: number;
  readonly actions: readonly string[] | undefined;
}

/**
 * The options with every default filled in.
 *
 * @public
 */
export interface ResolvedMockOptions {
  readonly appId: number;
  readonly serverSecret: string;
  readonly host: string;
  readonly port: number;
  readonly clockOffsetMs: number;
  readonly limits: MockLimits;
  readonly appLimitPerSecond: number | false;
  readonly faults: ResolvedMockFaults;
  readonly seed: number;
  readonly now: () => number;
  readonly latencyMs: number;
  readonly strict: boolean;
  readonly users: readonly string[];
}

/**
 * The defaults of every option (the README is written from this object).
 *
 * @public
 */
export const MOCK_DEFAULTS: ResolvedMockOptions = Object.freeze({
  appId: 1234567890,
  serverSecret: '0123456789abcdef0123456789abcdef',
  host: '127.0.0.1',
  port: 0,
  clockOffsetMs: 0,
  limits: Object.freeze({}),
  appLimitPerSecond: false,
  faults: Object.freeze({
    busy: 0,
    gateway: 0,
    http503: 0,
    resetBeforeAnswer: 0,
    resetAfterCommit: 0,
    slow: 0,
    slowMs: 1000,
    actions: undefined,
  }),
  seed: 1,
  now: () => Date.now(),
  latencyMs: 0,
  strict: true,
  users: Object.freeze([]),
});
