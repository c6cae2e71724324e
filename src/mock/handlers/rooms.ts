import { RoomRecord } from '../MockState.js';
import { findRoom } from './findRoom.js';
import type { Handler } from './Handler.js';
import { page } from './paging.js';
import { list, objects, str } from './params.js';
import { isResult, ok, refuse } from './results.js';

/** CreateRoom: the room with FromUserId in it and its attributes; an existing RoomId is 660300014. */
const CreateRoom: Handler = ({ params, state, serverNowMs, emit }) => {
  const roomId = str(params, 'RoomId');
  if (state.rooms.has(roomId)) return refuse(660300014);
  const room = new RoomRecord(roomId, serverNowMs);
  room.RoomName = str(params, 'RoomName');
  room.Members.add(str(params, 'FromUserId'));
  for (const a of objects(params, 'Attributes')) {
    room.AttributeSeq++;
    room.Attributes.set(String(a['Key']), {
      Value: String(a['Value'] ?? ''),
      Seq: room.AttributeSeq,
      AutoDelete: Number(a['AutoDelete'] ?? 0),
    });
  }
  state.rooms.set(roomId, room);
  emit?.('room_create', {
    room_id: roomId,
    operator_account: str(params, 'FromUserId'),
    room_name: room.RoomName,
    attributes: [...room.Attributes].map(([key, a]) => ({ key, value: a.Value, auto_delete: a.AutoDelete })),
  });
  return ok({ AttributeSeq: room.AttributeSeq });
};

/** DestroyRoom: the room, its members, attributes and messages are gone. */
const DestroyRoom: Handler = (ctx) => {
  const room = findRoom(ctx);
  if (isResult(room)) return room;
  ctx.state.rooms.delete(room.RoomId);
  ctx.emit?.('room_destroy', {
    room_id: room.RoomId,
    user_ids: room.MemberIds,
    operator_account: str(ctx.params, 'FromUserId'),
  });
  return ok();
};

/** KickoutRoomUser: removes the users; 660300002 when none of them was in the room. */
const KickoutRoomUser: Handler = (ctx) => {
  const room = findRoom(ctx);
  if (isResult(room)) return room;
  const removed = list(ctx.params, 'UserId').filter((userId) => room.Members.delete(userId));
  if (removed.length === 0) return refuse(660300002);
  ctx.emit?.('room_exit', {
    room_id: room.RoomId,
    exit_type: 'Kickout',
    operator_account: str(ctx.params, 'FromUserId'),
    exit_user_ids: removed,
  });
  return ok();
};

/** ModifyRoomAttribute: per item, Action 0 sets the key, 1 deletes it (a missing key: ErrKeyList 660000002). */
const ModifyRoomAttribute: Handler = (ctx) => {
  const room = findRoom(ctx);
  if (isResult(room)) return room;
  const succ: { Key: string; Seq: number }[] = [];
  const errors: { SubCode: number; Key: string }[] = [];
  for (const a of objects(ctx.params, 'Attributes')) {
    const key = String(a['Key']);
    if (Number(a['Action']) === 1 && !room.Attributes.has(key)) {
      errors.push({ SubCode: 660000002, Key: key });
      if (Number(a['StopOnError']) === 1) break;
      continue;
    }
    room.AttributeSeq++;
    if (Number(a['Action']) === 1) room.Attributes.delete(key);
    else
      room.Attributes.set(key, {
        Value: String(a['Value'] ?? ''),
        Seq: room.AttributeSeq,
        AutoDelete: Number(a['AutoDelete'] ?? 0),
      });
    succ.push({ Key: key, Seq: room.AttributeSeq });
  }
  return ok({ AttributeSeq: room.AttributeSeq, SuccKeyList: succ, ErrKeyList: errors });
};

/** QueryRoomAttribute: every attribute with its Seq. */
const QueryRoomAttribute: Handler = (ctx) => {
  const room = findRoom(ctx);
  if (isResult(room)) return room;
  return ok({
    AttributeSeq: room.AttributeSeq,
    Attributes: [...room.Attributes].map(([Key, a]) => ({
      Key,
      Value: a.Value,
      Seq: a.Seq,
      AutoDelete: a.AutoDelete,
    })),
  });
};

/** QueryRoomMembers: the given users that are in the room; the others go to ErrorList (660300012). */
const QueryRoomMembers: Handler = (ctx) => {
  const room = findRoom(ctx);
  if (isResult(room)) return room;
  const users: { user_id: string; user_name: string; avatar: string; extra: string }[] = [];
  const errors: { UserId: string; SubCode: number }[] = [];
  for (const userId of list(ctx.params, 'UserId')) {
    const user = ctx.state.users.get(userId);
    if (!room.Members.has(userId)) errors.push({ UserId: userId, SubCode: 660300012 });
    else
      users.push({
        user_id: userId,
        user_name: user?.UserName ?? '',
        avatar: user?.UserAvatar ?? '',
        extra: user?.Extra ?? '',
      });
  }
  return ok({ UserList: users, ErrorList: errors });
};

/** QueryRoomUserList: `Limit` (0 means 500) users from the offset in `NextFlag`; an empty room is 660300008. */
const QueryRoomUserList: Handler = (ctx) => {
  const room = findRoom(ctx);
  if (isResult(room)) return room;
  if (room.Members.size === 0) return refuse(660300008);
  const ids = room.MemberIds;
  const p = page(ids, ctx.params, { cursor: 'NextFlag', string: true, max: 500 });
  if (isResult(p)) return p;
  const { slice, next } = p;
  return ok({
    Count: ids.length,
    NextFlag: next,
    UserList: slice.map((id) => ({ UserId: id, UserName: ctx.state.users.get(id)?.UserName ?? '' })),
  });
};

/** The rooms domain (messages to rooms are in roomMessages). */
export const roomHandlers: Readonly<Record<string, Handler>> = {
  CreateRoom,
  DestroyRoom,
  KickoutRoomUser,
  ModifyRoomAttribute,
  QueryRoomAttribute,
  QueryRoomMembers,
  QueryRoomUserList,
};
