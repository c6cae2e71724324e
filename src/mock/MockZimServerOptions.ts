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
  /**
   * Where to POST the callbacks that state changes cause, as ZEGO does (`send_msg` on a send,
   * `group_create`, `group_join`, `group_exit`, `room_enter`, `call_create`, ...): JSON, signed
   * with `callbackSecret`, redelivered on a non-2xx answer 2, 4, 8, 16, 32 s after the previous
   * attempt (times `callbackTimeScale`). Requires `callbackSecret`.
   * @default undefined (no callbacks)
   */
  readonly callbackUrl?: string | undefined;
  /** The secret the callbacks are signed with (the receiver's `callbackSecret`: a project's ServerSecret). Required with `callbackUrl`. */
  readonly callbackSecret?: string | undefined;
  /**
   * Multiplies ZEGO's redelivery delays, so that tests need not wait 62 s: `0.001` makes them
   * 2, 4, 8, 16, 32 ms. Answer deadlines (the attempt timeout, before_send_msg's 2.5 s) are not scaled.
   * @default 1
   */
  readonly callbackTimeScale?: number | undefined;
  /** How long one delivery waits for an answer before it counts as failed, in milliseconds. @default 5000 */
  readonly callbackTimeoutMs?: number | undefined;
  /** The unit of the callbacks' `timestamp` (ZEGO's pages and samples use both). @default 's' */
  readonly callbackTimestampUnit?: 's' | 'ms' | undefined;
  /**
   * Ask `before_send_msg` before a message sent with `server.sendAsClient()` (ZEGO asks for
   * messages sent through the client SDK only, never for the server API's sends), and apply the
   * verdict: result 3, a non-2xx answer or no answer (twice 2.5 s) means not sent.
   * @default false
   */
  readonly callbackBeforeSend?: boolean | undefined;
  /**
   * Serve the admin endpoint under `/_mock/` (off the ZIM API's routes): `GET /_mock/stats`,
   * `/_mock/records`, `/_mock/callbacks`, `POST /_mock/faults`, `/_mock/reset`, so that other
   * processes read and set what `stats()`, `state`, `callbacks()`, `setFaults()` and
   * `resetStats()` do here (`mockAdmin(url)` is their typed client). The CLI turns it on
   * (`--no-admin` turns it off).
   * @default false
   */
  readonly admin?: boolean | undefined;
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
  readonly callbackUrl: URL | undefined;
  readonly callbackSecret: string | undefined;
  readonly callbackTimeScale: number;
  readonly callbackTimeoutMs: number;
  readonly callbackTimestampUnit: 's' | 'ms';
  readonly callbackBeforeSend: boolean;
  readonly admin: boolean;
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
  callbackUrl: undefined,
  callbackSecret: undefined,
  callbackTimeScale: 1,
  callbackTimeoutMs: 5000,
  callbackTimestampUnit: 's',
  callbackBeforeSend: false,
  admin: false,
});
