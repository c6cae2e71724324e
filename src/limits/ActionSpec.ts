/**
 * What the ZIM docs say about one server API action.
 *
 * @public
 */
export interface ActionSpec {
  /** The HTTP method: GET carries parameters in the query string, POST sends JSON. */
  readonly method: 'GET' | 'POST';
  /** Calls (or units) per second the server accepts. */
  readonly perSecond: number;
  /** What one call costs: one `request`, or one per `message` asked for (QueryMessagesByMsgSeq). */
  readonly unit: 'request' | 'message';
  /** Who shares the limit: the whole `app`, or each `group` / `room` (keyed by GroupId / RoomId). */
  readonly scope: 'app' | 'group' | 'room';
  /** Calls allowed per 24 hours, where the docs set a quota (SendMessageToAllUsers: 100). */
  readonly dailyQuota?: number;
  /** The return codes the action's page lists (classify them with `classifyCode`). */
  readonly codes?: readonly number[];
  /** The action's official page. */
  readonly doc?: string;
}
