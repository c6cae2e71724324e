import type { RoomRecord } from '../MockState.js';
import type { HandlerContext, HandlerResult } from './Handler.js';
import { str } from './params.js';
import { refuse } from './results.js';

/** The room of the call's `RoomId`, or 660300001 (the room does not exist). */
export function findRoom(ctx: HandlerContext): RoomRecord | HandlerResult {
  const room = ctx.state.rooms.get(str(ctx.params, 'RoomId'));
  return room ?? refuse(660300001);
}
