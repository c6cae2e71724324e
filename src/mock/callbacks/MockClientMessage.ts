/**
 * A message as a user's client SDK would send it (`server.sendAsClient`).
 * @public
 */
export interface MockClientMessage {
  /** The sender: a registered user. */
  readonly FromUserId: string;
  /** 0 one-to-one (ConvId is the receiver), 1 room (RoomId), 2 group (GroupId). */
  readonly ConvType: 0 | 1 | 2;
  readonly ConvId: string;
  /** @default 1 (text) */
  readonly MessageType?: number;
  /** @default 0 */
  readonly SubMsgType?: number;
  /** As the server API takes it, e.g. `{ Message: 'hi', ExtendedData: '' }`. */
  readonly MessageBody: Readonly<Record<string, unknown>>;
}

/**
 * What became of a `sendAsClient` message.
 * @public
 */
export interface MockClientSendResult {
  /** Whether the message was recorded (and `send_msg` sent with `send_result: 0`). */
  readonly sent: boolean;
  /** The `before_send_msg` verdict (with `callbackBeforeSend`), or undefined when there was none. */
  readonly verdict: 0 | 1 | 2 | 3 | undefined;
  /** The verdict's `reason`, if the receiver gave one. */
  readonly reason?: string;
  /** Why there was no verdict: `'timeout'`, `'http 500'`, a transport error. */
  readonly failure?: string;
  /** The send's code: 0, or why the server refused it (the `send_result` of its `send_msg`). */
  readonly code: number;
  /** The message's MsgId and MsgSeq when it was sent (peer and group conversations). */
  readonly MsgId?: string;
  readonly MsgSeq?: number;
}
