// Generated from spec/callbacks.json by scripts/gen-callbacks.mjs; do not edit: run `npm run gen`.

/**
 * The fields every callback carries.
 *
 * @public
 */
export interface CallbackCommon {
  /** The AppID, as a string. */
  readonly appid: string;
  readonly event: string;
  readonly nonce: string;
  readonly signature: string;
  /** Unix time in seconds or in milliseconds (the pages disagree; a sample sends it as a string). */
  readonly timestamp: number | string;
}

/**
 * `user_action`: https://www.zegocloud.com/docs/zim-server/callbacks/login-and-logout
 *
 * @public
 */
export interface UserActionEvent extends CallbackCommon {
  readonly event: 'user_action';
  readonly user_id: string;
  readonly user_name: string;
  /** Values: `PC`, `IOS_PHONE`, `ANDROID`, `MAC`, `LINUX`, `WEB`, `MINIPROGRAM`, `ANDROID_TV`. */
  readonly os: string;
  /** Values: 0 online, 1 logout, 2 offline. */
  readonly action: number;
  readonly session_id: string;
  /** Unit: s. */
  readonly login_time: number;
  /** Values: 0 first login, 1 re-login. */
  readonly relogin: string;
  /** Unit: s. */
  readonly logout_time: number;
  readonly logout_reason: string;
  /** Unit: s. */
  readonly offline_time: number;
}

/**
 * `send_msg`: https://www.zegocloud.com/docs/zim-server/callbacks/message-sent
 *
 * @public
 */
export interface SendMsgEvent extends CallbackCommon {
  readonly event: 'send_msg';
  readonly from_user_id: string;
  /** Values: 0 peer, 1 room, 2 group. */
  readonly conv_type: number;
  /** Empty for peer messages sent through the server API (see user_list). */
  readonly conv_id: string;
  /** Values: 1 text, 11 image, 12 file, 13 audio, 14 video, 200 custom. */
  readonly msg_type: number;
  readonly sub_msg_type: number;
  readonly msg_body: string;
  /** Empty for peer messages sent in a batch through the server API (see user_list). */
  readonly msg_id: string;
  /** Empty for peer messages sent in a batch through the server API. */
  readonly msg_seq: number;
  readonly payload: string;
  /** Unit: ms. */
  readonly msg_time: number;
  /** Non-zero for a failed send. Not shown on the stored pages (from the issue); optional. */
  readonly send_result?: number;
  /** Not shown on the stored pages (from the issue); optional. */
  readonly user_list?: ReadonlyArray<{ user_id?: string; msg_id?: string; msg_seq?: number }>;
}

/**
 * `before_send_msg`: https://www.zegocloud.com/docs/zim-server/callbacks/message-not-sent-yet
 *
 * @public
 */
export interface BeforeSendMsgEvent extends CallbackCommon {
  readonly event: 'before_send_msg';
  readonly request_id: string;
  readonly from_user_id: string;
  readonly conv_id: string;
  /** Values: 0 peer, 1 room, 2 group. */
  readonly conv_type: number;
  readonly msg_id: string;
  readonly payload: string;
  readonly msg_type: number;
  readonly sub_msg_type: number;
  /** Not shown on the stored pages (from the issue); optional. */
  readonly msg_body?: string;
  /** Unit: ms. Not shown on the stored pages (from the issue); optional. */
  readonly msg_time?: number;
}

/**
 * `bot_msg`: https://www.zegocloud.com/docs/zim-server/callbacks/bot-message (fields not shown on the stored pages)
 *
 * @public
 */
export interface BotMsgEvent extends CallbackCommon {
  readonly event: 'bot_msg';
  /** Not shown on the stored pages (from the issue); optional. */
  readonly from_user_id?: string;
  /** Not shown on the stored pages (from the issue); optional. */
  readonly conv_type?: number;
  /** Not shown on the stored pages (from the issue); optional. */
  readonly conv_id?: string;
  /** Not shown on the stored pages (from the issue); optional. */
  readonly msg_id?: string;
  /** Not shown on the stored pages (from the issue); optional. */
  readonly msg_body?: string;
  /** Unit: ms. Not shown on the stored pages (from the issue); optional. */
  readonly msg_time?: number;
}

/**
 * `call_create`: https://www.zegocloud.com/docs/zim-server/callbacks/call-invitation-sent
 *
 * @public
 */
export interface CallCreateEvent extends CallbackCommon {
  readonly event: 'call_create';
  readonly call_id: string;
  readonly user_ids: readonly string[];
  readonly create_time: number;
  readonly payload: string;
  readonly caller: string;
  /** Unit: s. */
  readonly timeout: number;
}

/**
 * `call_cancel`: https://www.zegocloud.com/docs/zim-server/callbacks/call-invitation-canceled
 *
 * @public
 */
export interface CallCancelEvent extends CallbackCommon {
  readonly event: 'call_cancel';
  readonly call_id: string;
  readonly user_ids: readonly string[];
  readonly reason: string;
  readonly payload: string;
}

/**
 * `call_accept`: https://www.zegocloud.com/docs/zim-server/callbacks/call-invitation-accepted
 *
 * @public
 */
export interface CallAcceptEvent extends CallbackCommon {
  readonly event: 'call_accept';
  readonly call_id: string;
  readonly user_id: string;
  readonly extend_data: string;
}

/**
 * `call_reject`: https://www.zegocloud.com/docs/zim-server/callbacks/call-invitation-rejected
 *
 * @public
 */
export interface CallRejectEvent extends CallbackCommon {
  readonly event: 'call_reject';
  readonly call_id: string;
  readonly user_id: string;
  readonly extend_data: string;
}

/**
 * `call_timeout`: https://www.zegocloud.com/docs/zim-server/callbacks/call-invitation-timed-out
 *
 * @public
 */
export interface CallTimeoutEvent extends CallbackCommon {
  readonly event: 'call_timeout';
  readonly call_id: string;
  readonly user_ids: readonly string[];
}

/**
 * `call_invite`: https://www.zegocloud.com/docs/zim-server/callbacks/call-invitation-during-a-call
 *
 * @public
 */
export interface CallInviteEvent extends CallbackCommon {
  readonly event: 'call_invite';
  readonly call_id: string;
  readonly user_ids: readonly string[];
  readonly inviter: string;
  /** Unit: ms. */
  readonly invite_time: number;
}

/**
 * `group_create`: https://www.zegocloud.com/docs/zim-server/callbacks/group/group-created
 *
 * @public
 */
export interface GroupCreateEvent extends CallbackCommon {
  readonly event: 'group_create';
  readonly group_id: string;
  readonly operator_account: string;
  readonly owner_account: string;
  readonly group_name: string;
  readonly attributes: ReadonlyArray<{ key?: string; value?: string }>;
  readonly user_ids: readonly string[];
}

/**
 * `group_destroy`: https://www.zegocloud.com/docs/zim-server/callbacks/group/group-destroyed
 *
 * @public
 */
export interface GroupDestroyEvent extends CallbackCommon {
  readonly event: 'group_destroy';
  readonly group_id: string;
  readonly operator_account: string;
  readonly owner_account: string;
  readonly user_ids: readonly string[];
}

/**
 * `group_join`: https://www.zegocloud.com/docs/zim-server/callbacks/group/group-joined
 *
 * @public
 */
export interface GroupJoinEvent extends CallbackCommon {
  readonly event: 'group_join';
  readonly group_id: string;
  readonly operator_account: string;
  /** Values: `Apply`, `Invited`. */
  readonly join_type: string;
  readonly new_user_ids: readonly string[];
}

/**
 * `group_exit`: https://www.zegocloud.com/docs/zim-server/callbacks/group/group-left
 *
 * @public
 */
export interface GroupExitEvent extends CallbackCommon {
  readonly event: 'group_exit';
  readonly group_id: string;
  readonly exit_type: string;
  readonly operator_account: string;
  readonly exit_user_ids: readonly string[];
}

/**
 * `room_create`: https://www.zegocloud.com/docs/zim-server/callbacks/room/room-created
 *
 * @public
 */
export interface RoomCreateEvent extends CallbackCommon {
  readonly event: 'room_create';
  readonly room_id: string;
  readonly operator_account: string;
  readonly room_name: string;
  readonly attributes: ReadonlyArray<{ key?: string; value?: string; auto_delete?: number }>;
}

/**
 * `room_destroy`: https://www.zegocloud.com/docs/zim-server/callbacks/room/room-destroyed
 *
 * @public
 */
export interface RoomDestroyEvent extends CallbackCommon {
  readonly event: 'room_destroy';
  readonly room_id: string;
  readonly user_ids: readonly string[];
  readonly operator_account: string;
}

/**
 * `room_enter`: https://www.zegocloud.com/docs/zim-server/callbacks/room/room-entered
 *
 * @public
 */
export interface RoomEnterEvent extends CallbackCommon {
  readonly event: 'room_enter';
  readonly room_id: string;
  readonly operator_account: string;
  /** In one version of the page and its sample, not in the other. */
  readonly new_user_ids?: readonly string[];
}

/**
 * `room_exit`: https://www.zegocloud.com/docs/zim-server/callbacks/room/room-left
 *
 * @public
 */
export interface RoomExitEvent extends CallbackCommon {
  readonly event: 'room_exit';
  readonly room_id: string;
  /** Values: `Quit`, `Kickout`. */
  readonly exit_type: string;
  readonly operator_account: string;
  readonly exit_user_ids: readonly string[];
}

/**
 * Every documented event, by its `event` field.
 *
 * @public
 */
export interface CallbackEventMap {
  user_action: UserActionEvent;
  send_msg: SendMsgEvent;
  before_send_msg: BeforeSendMsgEvent;
  bot_msg: BotMsgEvent;
  call_create: CallCreateEvent;
  call_cancel: CallCancelEvent;
  call_accept: CallAcceptEvent;
  call_reject: CallRejectEvent;
  call_timeout: CallTimeoutEvent;
  call_invite: CallInviteEvent;
  group_create: GroupCreateEvent;
  group_destroy: GroupDestroyEvent;
  group_join: GroupJoinEvent;
  group_exit: GroupExitEvent;
  room_create: RoomCreateEvent;
  room_destroy: RoomDestroyEvent;
  room_enter: RoomEnterEvent;
  room_exit: RoomExitEvent;
}

/**
 * A documented event name.
 *
 * @public
 */
export type CallbackEventName = keyof CallbackEventMap;

/**
 * The kind of a business field, for reading form bodies (every value a string there).
 *
 * @public
 */
export type CallbackFieldKind = 'string' | 'integer' | 'strings' | 'objects';

/**
 * Per event: its business fields and the fields of its dedupe key (`'all'`: every business field).
 *
 * @public
 */
export const CALLBACK_SPECS: Readonly<
  Record<
    CallbackEventName,
    {
      readonly fields: Readonly<Record<string, CallbackFieldKind>>;
      readonly dedupe: readonly string[] | 'all';
    }
  >
> = {
  user_action: {
    fields: {
      user_id: 'string',
      user_name: 'string',
      os: 'string',
      action: 'integer',
      session_id: 'string',
      login_time: 'integer',
      relogin: 'string',
      logout_time: 'integer',
      logout_reason: 'string',
      offline_time: 'integer',
    },
    dedupe: 'all',
  },
  send_msg: {
    fields: {
      from_user_id: 'string',
      conv_type: 'integer',
      conv_id: 'string',
      msg_type: 'integer',
      sub_msg_type: 'integer',
      msg_body: 'string',
      msg_id: 'string',
      msg_seq: 'integer',
      payload: 'string',
      msg_time: 'integer',
      send_result: 'integer',
      user_list: 'objects',
    },
    dedupe: ['from_user_id', 'conv_type', 'conv_id', 'msg_id'],
  },
  before_send_msg: {
    fields: {
      request_id: 'string',
      from_user_id: 'string',
      conv_id: 'string',
      conv_type: 'integer',
      msg_id: 'string',
      payload: 'string',
      msg_type: 'integer',
      sub_msg_type: 'integer',
      msg_body: 'string',
      msg_time: 'integer',
    },
    dedupe: ['request_id'],
  },
  bot_msg: {
    fields: {
      from_user_id: 'string',
      conv_type: 'integer',
      conv_id: 'string',
      msg_id: 'string',
      msg_body: 'string',
      msg_time: 'integer',
    },
    dedupe: ['msg_id'],
  },
  call_create: {
    fields: {
      call_id: 'string',
      user_ids: 'strings',
      create_time: 'integer',
      payload: 'string',
      caller: 'string',
      timeout: 'integer',
    },
    dedupe: ['call_id'],
  },
  call_cancel: {
    fields: { call_id: 'string', user_ids: 'strings', reason: 'string', payload: 'string' },
    dedupe: ['call_id'],
  },
  call_accept: {
    fields: { call_id: 'string', user_id: 'string', extend_data: 'string' },
    dedupe: ['call_id', 'user_id'],
  },
  call_reject: {
    fields: { call_id: 'string', user_id: 'string', extend_data: 'string' },
    dedupe: ['call_id', 'user_id'],
  },
  call_timeout: { fields: { call_id: 'string', user_ids: 'strings' }, dedupe: ['call_id', 'user_ids'] },
  call_invite: {
    fields: { call_id: 'string', user_ids: 'strings', inviter: 'string', invite_time: 'integer' },
    dedupe: ['call_id', 'inviter', 'invite_time', 'user_ids'],
  },
  group_create: {
    fields: {
      group_id: 'string',
      operator_account: 'string',
      owner_account: 'string',
      group_name: 'string',
      attributes: 'objects',
      user_ids: 'strings',
    },
    dedupe: 'all',
  },
  group_destroy: {
    fields: { group_id: 'string', operator_account: 'string', owner_account: 'string', user_ids: 'strings' },
    dedupe: 'all',
  },
  group_join: {
    fields: { group_id: 'string', operator_account: 'string', join_type: 'string', new_user_ids: 'strings' },
    dedupe: 'all',
  },
  group_exit: {
    fields: { group_id: 'string', exit_type: 'string', operator_account: 'string', exit_user_ids: 'strings' },
    dedupe: 'all',
  },
  room_create: {
    fields: { room_id: 'string', operator_account: 'string', room_name: 'string', attributes: 'objects' },
    dedupe: 'all',
  },
  room_destroy: {
    fields: { room_id: 'string', user_ids: 'strings', operator_account: 'string' },
    dedupe: 'all',
  },
  room_enter: {
    fields: { room_id: 'string', operator_account: 'string', new_user_ids: 'strings' },
    dedupe: 'all',
  },
  room_exit: {
    fields: { room_id: 'string', exit_type: 'string', operator_account: 'string', exit_user_ids: 'strings' },
    dedupe: 'all',
  },
};

/**
 * ZEGO's redelivery delays after a failed delivery, in seconds.
 *
 * @public
 */
export const ZEGO_RETRY_DELAYS_S: readonly number[] = [2, 4, 8, 16, 32];

/**
 * How long ZEGO waits for a before_send_msg verdict, in ms.
 *
 * @public
 */
export const ZEGO_VERDICT_WITHIN_MS = 2500;
